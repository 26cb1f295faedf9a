/**
 * What POST and PUT `/api/v1/configs` take: a `WidgetConfigInput` (core/widget-config.ts), checked
 * with the parsers the widget and the configurator use (the options table, the appearance parsers,
 * the pricing rules, the embed page's origin and return-URL rules), so that nothing the widget would
 * refuse is ever saved. Every bad field is listed at once, each named by its path
 * (`body.options.from`) with what it takes, in words a merchant acts on. The fields the server owns
 * (`id`, `version`, `createdAt`, `updatedAt`) are ignored, so that an export imports as it is.
 */
import { parseAppearance, type Appearance } from '#core/appearance';
import { OPTIONS, OptionError, type OptionDef } from '#core/options';
import { pricingProblems } from '#core/pricing-rules';
import type { FieldError } from '#core/problem';
import type { OwnerConfig, SavedPricing } from '#core/widget-config';
import { parseOrigin, parseReturnRule } from '../embed/allowed';
import { HttpProblem } from '../errors';

/** A configuration as it is stored: every field present, each checked and normalised. */
export type ConfigDocument = Omit<OwnerConfig, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** The merchant's name for a configuration, characters at most. */
export const MAX_NAME_LENGTH = 100;
/** One option's text, characters at most (a map style's URL is the longest real one). */
export const MAX_OPTION_LENGTH = 2000;
/** Allowed sites, and allowed return URLs, at most each. */
export const MAX_LIST_LENGTH = 100;

/** Fields a document may have, in the order an error lists them. */
const FIELDS = [
  'name',
  'options',
  'appearance',
  'pricing',
  'allowedOrigins',
  'allowedReturnUrls',
  'pochtaWidgetId',
] as const;
/** Fields an export carries that the server sets itself: ignored on the way in. */
const SERVER_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** Options a configuration cannot hold, and why (in the error). */
const NOT_SAVED: Readonly<Record<string, string>> = {
  api: 'cannot be saved: it is where the page finds this proxy, so the page sets it',
  config: 'cannot be saved: a configuration cannot name another one',
};

/** The options a configuration may hold, by attribute. */
const BY_ATTRIBUTE: ReadonlyMap<string, OptionDef<unknown>> = new Map(
  (Object.values(OPTIONS) as OptionDef<unknown>[])
    .filter((def) => !(def.attribute in NOT_SAVED))
    .map((def) => [def.attribute, def]),
);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An OptionError's message without its `<branch-picker from="…">: ` prefix: the field names it. */
function allowedPart(error: unknown, attribute: string, value: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = `<branch-picker ${attribute}="${value}">: `;
  return error instanceof OptionError && message.startsWith(prefix)
    ? message.slice(prefix.length)
    : message;
}

/** Collects the errors of one document; each check reads one field. */
class Checker {
  readonly errors: FieldError[] = [];
  private readonly where: string;

  constructor(where: string) {
    this.where = where;
  }

  fail(path: string, message: string): void {
    this.errors.push({ field: `${this.where}.${path}`, message });
  }

  name(value: unknown): string {
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string' || value.trim().length > MAX_NAME_LENGTH) {
      this.fail('name', `must be text of at most ${MAX_NAME_LENGTH} characters`);
      return '';
    }
    return value.trim();
  }

  options(value: unknown): Record<string, string | true> {
    const out: Record<string, string | true> = {};
    if (value === undefined || value === null) return out;
    if (!isObject(value)) {
      this.fail(
        'options',
        'must be an object of widget options by attribute, such as {"from": "101000"}',
      );
      return out;
    }
    for (const [attribute, v] of Object.entries(value)) {
      const path = `options.${attribute}`;
      const def = BY_ATTRIBUTE.get(attribute);
      if (!def) {
        this.fail(
          path,
          NOT_SAVED[attribute] ??
            `is not an option of the widget (options: ${[...BY_ATTRIBUTE.keys()].join(', ')})`,
        );
        continue;
      }
      if (def.kind === 'flag') {
        if (v === true) out[attribute] = true;
        else this.fail(path, 'must be true (the option is on); leave it out for off');
        continue;
      }
      if (typeof v !== 'string') {
        this.fail(path, 'must be text, as in the attribute (a number too: "1200")');
        continue;
      }
      if (v.length > MAX_OPTION_LENGTH) {
        this.fail(path, `must be at most ${MAX_OPTION_LENGTH} characters`);
        continue;
      }
      try {
        def.parse(v);
        out[attribute] = v;
      } catch (error) {
        this.fail(path, allowedPart(error, attribute, v));
      }
    }
    return out;
  }

  appearance(value: unknown): Appearance {
    if (value === undefined || value === null) return {};
    if (!isObject(value)) {
      this.fail('appearance', 'must be an object with primary, radius and font');
      return {};
    }
    const out: Appearance = {};
    // Field by field, so that every bad one is named (parseAppearance stops at the first).
    for (const [key, v] of Object.entries(value)) {
      try {
        Object.assign(out, parseAppearance({ [key]: v }));
      } catch (error) {
        const message = (error as Error).message;
        this.fail(
          `appearance.${key}`,
          message.startsWith(`${key} `) ? message.slice(key.length + 1) : message,
        );
      }
    }
    return out;
  }

  pricing(value: unknown): SavedPricing {
    if (value === undefined || value === null) return {};
    if (!isObject(value)) {
      this.fail('pricing', 'must be an object of pricing rules, such as {"markupPercent": 10}');
      return {};
    }
    const problems = pricingProblems(value);
    for (const p of problems) this.fail(`pricing.${p.field}`, p.message);
    return problems.length ? {} : value;
  }

  /** A list of strings, each read by `parse` (which throws saying what it takes). */
  list<T>(path: string, value: unknown, parse: (raw: string) => T, what: string): T[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.length > MAX_LIST_LENGTH) {
      this.fail(path, `must be a list of at most ${MAX_LIST_LENGTH} ${what}`);
      return [];
    }
    const out: T[] = [];
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'string' || item.length > MAX_OPTION_LENGTH) {
        this.fail(`${path}.${i}`, `must be text: ${what}`);
        return;
      }
      try {
        out.push(parse(item.trim()));
      } catch (error) {
        this.fail(`${path}.${i}`, (error as Error).message);
      }
    });
    return out;
  }

  pochtaWidgetId(value: unknown): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      this.fail(
        'pochtaWidgetId',
        'must be the id of your widget.pochta.ru widget, a whole number above 0 (or null for none)',
      );
      return null;
    }
    return value;
  }
}

/**
 * The document a request body (or, with `where`, a stored version) describes, or a 400
 * problem listing every bad field. Nothing is stored before this has passed.
 */
export function validateConfig(body: unknown, where = 'body'): ConfigDocument {
  const check = new Checker(where);
  if (!isObject(body)) {
    throw new HttpProblem(
      400,
      'invalid-config',
      `A configuration is a JSON object with ${FIELDS.join(', ')}.`,
      { errors: [{ field: where, message: `must be a JSON object with ${FIELDS.join(', ')}` }] },
    );
  }
  for (const key of Object.keys(body)) {
    if (!(FIELDS as readonly string[]).includes(key) && !SERVER_FIELDS.has(key))
      check.fail(key, `is not part of a configuration (fields: ${FIELDS.join(', ')})`);
  }
  const doc: ConfigDocument = {
    name: check.name(body.name),
    options: check.options(body.options),
    appearance: check.appearance(body.appearance),
    pricing: check.pricing(body.pricing),
    allowedOrigins: [
      ...new Set(
        check.list(
          'allowedOrigins',
          body.allowedOrigins,
          parseOrigin,
          'origins such as https://shop.example',
        ),
      ),
    ],
    allowedReturnUrls: [
      ...new Set(
        check.list(
          'allowedReturnUrls',
          body.allowedReturnUrls,
          (raw) => (parseReturnRule(raw), raw),
          'URLs such as https://shop.example/checkout/ or myshop://picked',
        ),
      ),
    ],
    pochtaWidgetId: check.pochtaWidgetId(body.pochtaWidgetId),
  };
  if (check.errors.length) {
    const detail = `The configuration was not saved: ${check.errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`;
    throw new HttpProblem(400, 'invalid-config', detail, { errors: check.errors });
  }
  return doc;
}
