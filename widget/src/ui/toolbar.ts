/**
 * The toolbar: search, *near me*, the dialog's close button, and the filters below them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../i18n';
import { renderFilters, type FiltersProps } from './filters';

export interface ToolbarProps {
  t: Catalog;
  /** The search box, or nothing when the page hid it. */
  search: TemplateResult | typeof nothing;
  /** Whether *near me* is shown, and whether it can be used yet. */
  nearMe: 'hidden' | 'disabled' | 'enabled';
  onNearMe: () => void;
  /** The dialog's close button, in `mode="modal"`. */
  onClose: (() => void) | null;
  filters: Omit<FiltersProps, 't'>;
}

/** A crosshair: "where I am". */
const NEAR_ME_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="3.2" />
  <path d="M12 2v3M12 19v3M2 12h3M19 12h3" />
  <circle cx="12" cy="12" r="7" fill="none" />
</svg>`;

export function renderToolbar(p: ToolbarProps): TemplateResult {
  const { t } = p;
  return html`<div class="toolbar" part="toolbar">
    <div class="search-row">
      ${p.search}
      ${
        p.nearMe === 'hidden'
          ? nothing
          : html`<button
              type="button"
              class="icon-button near-me"
              part="near-me"
              aria-label=${t.nearMe}
              title=${t.nearMe}
              ?disabled=${p.nearMe === 'disabled'}
              @click=${p.onNearMe}
            >
              ${NEAR_ME_ICON}
            </button>`
      }
      ${
        p.onClose
          ? html`<button
              type="button"
              class="icon-button dialog-close"
              part="dialog-close"
              aria-label=${t.close}
              @click=${p.onClose}
            >
              ×
            </button>`
          : nothing
      }
    </div>
    ${renderFilters({ t, ...p.filters })}
  </div>`;
}
