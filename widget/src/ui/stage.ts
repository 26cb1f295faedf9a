/**
 * The map's stage: the map's container (MapLibre draws into it; the template never touches the map),
 * the count of branches in view, the phone's map/list switch, and loading and error messages.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, type Catalog } from '../i18n';
import type { LoadStatus } from '../state/store';

export interface StageProps {
  t: Catalog;
  status: LoadStatus;
  inView: number | null;
  /** The count's text ("На карте 1 234 пункта"), shown once the network is. */
  countText: string;
  /** On a phone with a list: whether the sheet is up; null for no switch. */
  sheet: boolean | null;
  onToggleSheet: () => void;
  onRetry: () => void;
}

export function renderStage(p: StageProps): TemplateResult {
  const { t, status, inView } = p;
  const ready = status === 'ready' && inView !== null;
  return html`<div class="stage">
    <div class="map" part="map"></div>
    ${ready ? html`<div class="count" part="count" aria-hidden="true">${p.countText}</div>` : nothing}
    ${
      p.sheet === null
        ? nothing
        : html`<button
            type="button"
            class="sheet-toggle"
            part="sheet-toggle"
            aria-expanded=${p.sheet ? 'true' : 'false'}
            @click=${p.onToggleSheet}
          >
            ${p.sheet ? t.showMap : inView !== null ? `${t.showList} · ${formatNumber(t, inView)}` : t.showList}
          </button>`
    }
    ${
      status === 'loading'
        ? html`<div class="overlay" part="overlay">
            <span class="spinner" aria-hidden="true"></span>${t.loading}
          </div>`
        : nothing
    }
    ${
      status === 'error'
        ? html`<div class="overlay" part="overlay" role="alert">
            <span>${t.loadFailed}</span>
            <button class="secondary" type="button" @click=${p.onRetry}>${t.retry}</button>
          </div>`
        : nothing
    }
  </div>`;
}
