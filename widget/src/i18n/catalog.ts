/**
 * The shape of a language catalogue. Every string the widget shows comes from one; numbers go
 * through `Intl` with the catalogue's locale. Adding a language is adding one file like `ru.ts`
 * and one line in `index.ts`.
 */
import type { BranchType } from '#core/branch';

/** Plural forms by `Intl.PluralRules` category; `other` is required, the rest as the language has them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Catalog {
  /** BCP 47 locale for `Intl` (numbers, plurals). */
  locale: string;
  typeName: Record<BranchType, string>;
  /** "branch" in the plural forms, after a number: пункт / пункта / пунктов. */
  branches: PluralForms;
  mapLabel: string;
  /** `{count}` is the formatted number with its plural noun. */
  inView: string;
  noneInView: string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** `{count}`: the formatted number with its noun. */
  clusterLabel: string;
  /** `{type}` and `{code}`: a branch marker's name for screen readers. */
  branchLabel: string;
  choose: string;
  chosen: string;
  close: string;
  postalCode: string;
  detailsLoading: string;
  detailsFailed: string;
  zoomIn: string;
  zoomOut: string;
  /** Label of the price line. */
  delivery: string;
  /** Plural forms of "day" after a number. */
  days: PluralForms;
  free: string;
  quoteLoading: string;
  quoteFailed: string;
  /** Mark on a figure the estimator made. */
  estimate: string;
  estimateHint: string;
  /** `{time}`: when the figure was made; shown on a stale figure. */
  staleAt: string;
}
