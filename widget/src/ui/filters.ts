/**
 * Filter chips: branch types (with how many each would show) and the buyer's needs. Each chip is a
 * toggle button (`aria-pressed`), so a screen reader says whether it is on.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BranchType } from '#core/branch';
import type { PickerFilter } from '#core/options';
import type { Filters } from '../network/protocol';
import { formatNumber, type Catalog } from '../i18n';

export type FlagFilter = 'card' | 'cod' | 'openNow' | 'weekends';

export interface FiltersProps {
  t: Catalog;
  filters: Filters;
  /** The types the site allows, in order. */
  types: readonly BranchType[];
  byType: Record<BranchType, number> | null;
  /** Whether the picker knows the parcel (weight, maybe size): then "fits my parcel" is offered. */
  canFit: boolean;
  /** The filters the site offers (the `filters` option). */
  offered: readonly PickerFilter[];
  /** Whether the needs (open now, card, …) are shown, or folded behind their toggle. */
  expanded: boolean;
  onToggle: () => void;
  onType: (type: BranchType | null) => void;
  onFlag: (flag: FlagFilter | 'fits') => void;
}

export function renderFilters(p: FiltersProps): TemplateResult {
  const { t, filters } = p;
  const chip = (label: string, pressed: boolean, onClick: () => void, count?: number) =>
    html`<button
      type="button"
      class="chip"
      part="filter"
      aria-pressed=${pressed ? 'true' : 'false'}
      @click=${onClick}
    >
      ${label}${count !== undefined ? html`<span class="chip-count">${formatNumber(t, count)}</span>` : nothing}
    </button>`;
  const offers = (f: PickerFilter) => p.offered.includes(f);
  const flags = (
    [
      ['openNow', 'open-now', t.filterOpenNow],
      ['card', 'card', t.filterCard],
      ['cod', 'cod', t.filterCod],
      ['weekends', 'weekends', t.filterWeekends],
    ] as const
  ).filter(([, name]) => offers(name));
  const fits = p.canFit && offers('fits');
  const on = flags.filter(([flag]) => filters[flag]).length + (filters.fits ? 1 : 0);
  const types =
    p.types.length > 1 && offers('types')
      ? html`${chip(t.allTypes, filters.types.length === 0, () => p.onType(null))}
        ${p.types.map((type) => chip(t.typePlural[type], filters.types.includes(type), () => p.onType(type), p.byType?.[type]))}`
      : nothing;
  if (!types && !flags.length && !fits) return html``;
  return html`<div class="filters" role="group" aria-label=${t.filtersLabel}>
    ${types}
    ${
      flags.length || fits
        ? html`<button
              type="button"
              class="chip more"
              aria-expanded=${p.expanded ? 'true' : 'false'}
              aria-controls="bp-more-filters"
              @click=${p.onToggle}
            >
              ${t.moreFilters}${on ? html`<span class="chip-count">${on}</span>` : nothing}
              <span aria-hidden="true">${p.expanded ? '▴' : '▾'}</span>
            </button>
            <div id="bp-more-filters" class="more-filters" ?hidden=${!p.expanded}>
              ${flags.map(([flag, , label]) => chip(label, filters[flag], () => p.onFlag(flag)))}
              ${fits ? chip(t.filterFits, filters.fits !== null, () => p.onFlag('fits')) : nothing}
            </div>`
        : nothing
    }
  </div>`;
}
