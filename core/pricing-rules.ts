/**
 * The shop's pricing rules (contract): what `PRICING` holds, what a saved configuration's `pricing`
 * holds, and what the proxy applies after Russian Post's answer (proxy/src/quotes/pricing.ts). One
 * parser for all three readers: the proxy at start, the proxy validating a saved configuration, and
 * the configurator checking a field as the merchant types. It names every bad field, each with what
 * it takes, within bounds no real shop reaches (so that `1e400` or a markup of −500 % never prices a
 * parcel).
 */

export interface PricingRules {
  /** Added percent of the carrier's price. Default 0. */
  markupPercent: number;
  /** Added rubles. Default 0. */
  markupFixed: number;
  /** Round the price to a multiple of this many rubles; 0 leaves kopecks. Default 0. */
  roundTo: number;
  /** `up` (never below the computed price) or `nearest`. Default `up`. */
  roundMode: 'up' | 'nearest';
  /** Orders of at least this many rubles ship free; null never. Default null. */
  freeAbove: number | null;
  /** Days added to the delivery time for packing and handover. Default 0. */
  extraDays: number;
}

/** No markup, no rounding, no free shipping, no extra days: Russian Post's price as it is. */
export const DEFAULT_PRICING: PricingRules = {
  markupPercent: 0,
  markupFixed: 0,
  roundTo: 0,
  roundMode: 'up',
  freeAbove: null,
  extraDays: 0,
};

/** The largest markup: ten times the carrier's price. */
export const MAX_MARKUP_PERCENT = 1000;
/** The largest sum of money in a rule, rubles (as the quote routes' `value` and `order`). */
export const MAX_RULE_MONEY = 100_000_000;
/** The most handling days a shop may add. */
export const MAX_EXTRA_DAYS = 365;

export const PRICING_FIELDS = Object.keys(DEFAULT_PRICING) as (keyof PricingRules)[];

/** One bad rule: the field, and what it takes (a sentence that reads after the field's name). */
export interface PricingProblem {
  field: string;
  message: string;
}

const got = (v: unknown): string => `, got ${JSON.stringify(v) ?? String(v)}`;

/** A finite number from 0 to `max`, else what the field takes. */
const inRange =
  (unit: string, max: number, whole = false) =>
  (v: unknown): string | null =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    v >= 0 &&
    v <= max &&
    (!whole || Number.isInteger(v))
      ? null
      : `must be ${whole ? 'whole ' : ''}${unit} from 0 to ${max}${got(v)}`;

const CHECKS: { [K in keyof PricingRules]: (v: unknown) => string | null } = {
  markupPercent: inRange('a percentage', MAX_MARKUP_PERCENT),
  markupFixed: inRange('rubles', MAX_RULE_MONEY),
  roundTo: inRange('rubles', MAX_RULE_MONEY),
  roundMode: (v) => (v === 'up' || v === 'nearest' ? null : `must be "up" or "nearest"${got(v)}`),
  freeAbove: (v) => (v === null ? null : inRange('rubles (or null for never)', MAX_RULE_MONEY)(v)),
  extraDays: inRange('days', MAX_EXTRA_DAYS, true),
};

/** Every bad field of a rules object (as JSON gives it), in the order given; empty when it is good. */
export function pricingProblems(raw: Readonly<Record<string, unknown>>): PricingProblem[] {
  const problems: PricingProblem[] = [];
  for (const [field, value] of Object.entries(raw)) {
    const check = Object.hasOwn(CHECKS, field) ? CHECKS[field as keyof PricingRules] : undefined;
    const message = check ? check(value) : `is not a rule (rules: ${PRICING_FIELDS.join(', ')})`;
    if (message) problems.push({ field, message });
  }
  return problems;
}

/**
 * Rules from a plain object over the defaults; throws an Error naming every bad field and what it
 * takes (`markupPercent must be a percentage from 0 to 1000, got -500`).
 */
export function pricingRules(raw: Readonly<Record<string, unknown>>): PricingRules {
  const problems = pricingProblems(raw);
  if (problems.length) throw new Error(problems.map((p) => `${p.field} ${p.message}`).join('; '));
  return { ...DEFAULT_PRICING, ...(raw as Partial<PricingRules>) };
}
