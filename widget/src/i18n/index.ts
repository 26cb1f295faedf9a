/**
 * Language catalogues and the few helpers that format with them.
 */
import { DEFAULT_LANG } from '#core/langs';
import type { Catalog, PluralForms } from './catalog';

export type { Catalog } from './catalog';

/**
 * Every language the widget speaks: one file per language in languages/, named by its `lang`
 * attribute value, its default export a complete Catalog (TypeScript checks that no string is
 * missing). Adding a language is adding one file.
 */
const files = import.meta.glob<Catalog>('./languages/*.ts', { eager: true, import: 'default' });

export const CATALOGS: Readonly<Record<string, Catalog>> = Object.fromEntries(
  Object.entries(files).map(([file, catalog]) => [/([\w-]+)\.ts$/.exec(file)![1]!, catalog]),
);
export { DEFAULT_LANG, LANGS, type Lang } from '#core/langs';

/** The catalogue for a language, or the default one for a language we do not speak. */
export function catalog(lang: string): Catalog {
  return CATALOGS[lang] ?? CATALOGS[DEFAULT_LANG]!;
}

/** Replaces `{name}` placeholders; unknown names stay visible so a missing value is noticed. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a whole number with grouping, in the catalogue's locale. */
export function formatNumber(catalog: Catalog, n: number): string {
  let format = numberFormats.get(catalog.locale);
  if (!format) numberFormats.set(catalog.locale, (format = new Intl.NumberFormat(catalog.locale)));
  return format.format(n);
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** Up to 9 999 in full (`3 194`), then short (`29 тыс.`, `29K`): a cluster's badge. */
export function formatBadge(catalog: Catalog, n: number): string {
  if (n < 10_000) return formatNumber(catalog, n);
  let format = compactFormats.get(catalog.locale);
  if (!format)
    compactFormats.set(
      catalog.locale,
      (format = new Intl.NumberFormat(catalog.locale, { notation: 'compact' })),
    );
  return format.format(n);
}

/**
 * `1 234 пункта`: a number with the plural form of its noun. `shown` replaces the number's text
 * (a badge's `29 тыс.`) and keeps the plural form of the real count.
 */
export function countOf(
  catalog: Catalog,
  n: number,
  forms: PluralForms,
  shown = formatNumber(catalog, n),
): string {
  let rules = pluralRules.get(catalog.locale);
  if (!rules) pluralRules.set(catalog.locale, (rules = new Intl.PluralRules(catalog.locale)));
  return `${shown} ${forms[rules.select(n)] ?? forms.other}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `315 ₽`, `1 250,50 ₽`, `₽564.30`: rubles in the catalogue's locale, kopecks only when there are any. */
export function formatRubles(catalog: Catalog, amount: number): string {
  const whole = Number.isInteger(amount);
  const key = `${catalog.locale}|${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(catalog.locale, {
      style: 'currency',
      currency: 'RUB',
      // ₽ in every language: English would otherwise write "RUB 564.30".
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** `2–5 дней`, `1 день`: a span of days with the plural of its upper end. */
export function formatDays(catalog: Catalog, min: number, max: number): string {
  const span =
    min === max
      ? formatNumber(catalog, max)
      : `${formatNumber(catalog, min)}–${formatNumber(catalog, max)}`;
  const noun = countOf(catalog, max, catalog.days).split(' ').slice(1).join(' ');
  return `${span} ${noun}`;
}
