/**
 * The shape of a language catalogue. Every string the widget shows comes from one; numbers, money,
 * distances and times go through `Intl` with the catalogue's locale. Adding a language is adding
 * one file like `ru.ts` in `languages/` (picked up by `index.ts`).
 */
import type { BranchService, BranchType, Weekday } from '#core/branch';

/** Plural forms by `Intl.PluralRules` category; `other` is required, the rest as the language has them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Catalog {
  /** BCP 47 locale for `Intl` (numbers, plurals, dates). */
  locale: string;
  typeName: Record<BranchType, string>;
  /** Type names in the plural, for filter chips. */
  typePlural: Record<BranchType, string>;
  /** "branch" in the plural forms, after a number: пункт / пункта / пунктов. */
  branches: PluralForms;
  mapLabel: string;
  dialogLabel: string;
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

  // Search
  searchLabel: string;
  searchPlaceholder: string;
  /** `{query}` */
  searchNothing: string;
  /** Some words of the query matched nothing with the others: {words} left out, {place} shown. */
  searchPartialPlace: string;
  /** The same with no town to name. */
  searchPartial: string;
  searchFailed: string;
  nearMe: string;
  locating: string;
  geoDenied: string;
  geoUnavailable: string;
  geoTimeout: string;

  // Filters
  filtersLabel: string;
  allTypes: string;
  moreFilters: string;
  filterCard: string;
  filterCod: string;
  filterOpenNow: string;
  filterWeekends: string;
  filterFits: string;

  // List
  listLabel: string;
  /** `{count}`: shown above the list. */
  listSummary: string;
  /** `{shown}` of `{count}`: when the list is cut. */
  listCut: string;
  showNearest: string;
  showList: string;
  showMap: string;
  /** `{name}`: the branch chosen on an earlier visit. */
  lastChoice: string;
  chooseAgain: string;
  show: string;
  /** Distances: `{n}` metres / kilometres. */
  metres: string;
  kilometres: string;

  // Open now
  /** `{time}` */
  openUntil: string;
  openAllDay: string;
  /** `{time}` */
  opensToday: string;
  /** `{time}` */
  opensTomorrow: string;
  /** `{day}`, `{time}` */
  opensOn: string;
  closedNow: string;
  temporarilyClosed: string;
  dayOff: string;

  // Details
  hoursTitle: string;
  /** `{offset}` such as UTC+10, when the branch's zone differs from the buyer's. */
  localTime: string;
  /** In the hours table: open the whole day. */
  allDay: string;
  /** In the hours table: all seven days share the same hours. */
  everyDay: string;
  today: string;
  /** `{from}`–`{to}` */
  lunch: string;
  holidaysTitle: string;
  weekdays: Record<Weekday, string>;
  /** Day names after "on" (откроется во вторник): in Russian the accusative. */
  weekdaysOn: Record<Weekday, string>;
  paymentsTitle: string;
  payCard: string;
  payCash: string;
  payCod: string;
  limitsTitle: string;
  /** `{weight}` */
  maxWeight: string;
  /** `{cell}` */
  fitsCell: string;
  doesNotFit: string;
  servicesTitle: string;
  serviceName: Record<BranchService, string>;
}
