/**
 * Russian Post writes address parts kind-first without dots (`обл Смоленская`, `д Добрино`,
 * `ул Пляжная`) or kind-last (`Москва г`, `Саратовская обл`). These turn them into the forms people
 * read (`Смоленская область`, `д. Добрино`, `ул. Пляжная`), and find a place's bare name for search.
 */

const REGION_KINDS: readonly [RegExp, (name: string) => string][] = [
  [/^(?:обл\.?|область)\s+(.+)$/i, (n) => `${n} область`],
  [/^(.+?)\s+(?:обл\.?|область)$/i, (n) => `${n} область`],
  [/^(?:край)\s+(.+)$/i, (n) => `${n} край`],
  [/^(.+?)\s+край$/i, (n) => `${n} край`],
  [/^(?:респ\.?|республика)\s+(.+)$/i, (n) => `Республика ${n}`],
  [/^(.+?)\s+(?:респ\.?|республика)$/i, (n) => `Республика ${n}`],
  [/^(?:аобл\.?)\s+(.+)$/i, (n) => `${n} автономная область`],
  [/^(?:ао)\s+(.+)$/i, (n) => n],
  [/^(.+?)\s+(?:ао)$/i, (n) => `${n} автономный округ`],
  [/^(?:г\.?)\s+(.+)$/i, (n) => n],
  [/^(.+?)\s+г\.?$/i, (n) => n],
];

/** `обл Смоленская` → `Смоленская область`; `Москва г` → `Москва`. */
export function regionName(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  for (const [pattern, render] of REGION_KINDS) {
    const m = pattern.exec(text);
    if (m) return render(m[1]!);
  }
  return text;
}

/** Settlement and street kinds, abbreviated, as they are printed with a dot. */
const KINDS = [
  'г',
  'д',
  'с',
  'п',
  'пос',
  'рп',
  'ст',
  'х',
  'ул',
  'пер',
  'пл',
  'ш',
  'наб',
  'мкр',
  'туп',
  'проезд',
  'пр-кт',
  'пр-т',
  'б-р',
  'тер',
  'снт',
  'кв-л',
  'пгт',
];
const NO_DOT = new Set(['проезд', 'пр-кт', 'пр-т', 'б-р', 'кв-л', 'пгт', 'снт']);

/** `д Добрино` → `д. Добрино`, `ул Пляжная` → `ул. Пляжная`; text already dotted stays. */
export function withKindDot(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  const m = /^(\S+?)\.?\s+(.+)$/.exec(text);
  if (!m || !KINDS.includes(m[1]!.toLowerCase())) return text;
  const kind = m[1]!.toLowerCase();
  return `${kind}${NO_DOT.has(kind) ? '' : '.'} ${m[2]}`;
}

/** The bare name of a place: `д Добрино` → `Добрино`, `Москва г` → `Москва`. */
export function placeName(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  const before = /^(\S+?)\.?\s+(.+)$/.exec(text);
  if (before && KINDS.includes(before[1]!.toLowerCase())) return before[2]!;
  const after = /^(.+?)\s+(\S+?)\.?$/.exec(text);
  if (after && KINDS.includes(after[2]!.toLowerCase())) return after[1]!;
  return text;
}

/** Joins address parts with commas, skipping empty ones and a region that repeats the city. */
export function joinAddress(parts: readonly (string | undefined | null)[]): string {
  const out: string[] = [];
  for (const p of parts) {
    const t = p?.trim();
    if (!t || t === 'null') continue;
    if (out.length && placeName(out[out.length - 1]!) === placeName(t)) continue;
    out.push(t);
  }
  return out.join(', ');
}
