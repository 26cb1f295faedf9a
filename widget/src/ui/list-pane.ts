/**
 * The pane when no card is open: the branch chosen last time, a notice, then the list of branches
 * in view with its summary, or, when there are none, a way to the nearest one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { countOf, fill, formatNumber, type Catalog } from '../i18n';
import type { Remembered } from '../state/remember';

export interface ListPaneProps {
  t: Catalog;
  remembered: Remembered | null;
  notice: string | null;
  /** Branches in view; null until the network is shown. */
  inView: number | null;
  /** The list itself (ListController's template). */
  list: () => TemplateResult;
  /** Rows the list holds at most. */
  limit: number;
  onShowRemembered: () => void;
  onChooseRemembered: () => void;
  onShowNearest: () => void;
}

export function renderListPane(p: ListPaneProps): TemplateResult {
  const { t, remembered, inView } = p;
  return html`${
    remembered
      ? html`<div class="remembered" part="remembered">
          <span>${fill(t.lastChoice, { name: remembered.name })}</span>
          <span class="remembered-actions">
            <button type="button" class="secondary small" @click=${p.onShowRemembered}>
              ${t.show}
            </button>
            <button type="button" class="primary small" @click=${p.onChooseRemembered}>
              ${t.chooseAgain}
            </button>
          </span>
        </div>`
      : nothing
  }
  ${p.notice ? html`<p class="notice" part="notice">${p.notice}</p>` : nothing}
  ${
    inView === null
      ? nothing
      : inView === 0
        ? html`<div class="empty" part="empty">
            <p>${t.noneInView}</p>
            <button type="button" class="secondary" @click=${p.onShowNearest}>
              ${t.showNearest}
            </button>
          </div>`
        : html`<p class="list-summary" aria-hidden="true">
              ${fill(t.listSummary, { count: countOf(t, inView, t.branches) })}
            </p>
            ${p.list()}
            ${
              inView > p.limit
                ? html`<p class="list-note muted">
                    ${fill(t.listCut, {
                      shown: formatNumber(t, p.limit),
                      count: formatNumber(t, inView),
                    })}
                  </p>`
                : nothing
            }`
  }`;
}
