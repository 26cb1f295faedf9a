/**
 * The draft checked as the proxy will check it, with the same parsers (core): a message per wrong
 * field in the merchant's words, and the list of wrong fields that keeps a save from going out.
 */
import { parseAppearance, type Appearance } from '#core/appearance';
import { parseOrigin, parseReturnRule } from '#core/allowed';
import { pricingProblems } from '#core/pricing-rules';
import type { Draft } from './draft-store';
import { OPTION_FIELDS, optionProblem } from './fields';
import type { UiWords } from './i18n';

type Lines = 'allowedOrigins' | 'allowedReturnUrls';

export function appearanceProblem(d: Draft, w: UiWords, field: keyof Appearance): string | null {
  const value = d.appearance[field];
  if (value === undefined) return null;
  try {
    parseAppearance({ [field]: value });
    return null;
  } catch {
    return `${w.invalid}. ${w.appearance[field].hint ?? ''}`.trim();
  }
}

export function linesProblem(d: Draft, w: UiWords, field: Lines): string | null {
  const parse = field === 'allowedOrigins' ? parseOrigin : parseReturnRule;
  for (const line of d[field]) {
    try {
      parse(line);
    } catch {
      return `${w.invalid}: ${line}. ${w.sites[field].hint ?? ''}`;
    }
  }
  return null;
}

/** The fields that are wrong now, by name. */
export function draftProblems(d: Draft, w: UiWords): string[] {
  const out: string[] = [];
  for (const f of OPTION_FIELDS) {
    const v = d.options[f.def.attribute];
    if (typeof v === 'string' && optionProblem(f.def, v)) out.push(f.def.attribute);
  }
  for (const field of ['primary', 'radius', 'font', 'height'] as const)
    if (appearanceProblem(d, w, field)) out.push(field);
  out.push(...pricingProblems(d.pricing as Record<string, unknown>).map((p) => p.field));
  for (const field of ['allowedOrigins', 'allowedReturnUrls'] as const)
    if (linesProblem(d, w, field)) out.push(field);
  return out;
}
