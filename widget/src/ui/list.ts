/**
 * The list of branches in the map's area, nearest first: virtualised (only the rows in sight, and a
 * few around them, are in the DOM, so thousands of rows scroll smoothly), one tab stop with arrow
 * keys between rows, and each row's name and address fetched in batches as it comes into sight.
 * Hovering or focusing a row highlights its marker on the map.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { ApiClient, BranchSummary } from '../api/api-client';
import type { ListRow } from '../clusters/protocol';
import { type Catalog } from '../i18n';
import { describeState, formatDistance } from './format';

/** Every row is this tall (CSS px): fixed, so that the scroll position says which rows are in sight. */
export const ROW_HEIGHT = 84;
/** Rows rendered beyond the visible ones, each side. */
const OVERSCAN = 6;
/** Ids per summaries request (the proxy's limit is 100). */
const BATCH = 50;

export interface ListHost extends ReactiveControllerHost {
  client(): ApiClient | undefined;
  onOpen(row: ListRow): void;
  onHighlight(id: string | null): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ListController implements ReactiveController {
  rows: ListRow[] = [];
  /** Id of the row highlighted from the map. */
  highlighted: string | null = null;
  private scrollTop = 0;
  private viewport = 480;
  private focusIndex = 0;
  private readonly summaries = new Map<string, BranchSummary>();
  private readonly requested = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly host: ListHost;

  constructor(host: ListHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  setRows(rows: ListRow[]): void {
    const focusedId = this.rows[this.focusIndex]?.id;
    this.rows = rows;
    const kept = focusedId ? rows.findIndex((r) => r.id === focusedId) : -1;
    this.focusIndex = kept >= 0 ? kept : 0;
    this.loadSummaries();
    this.host.requestUpdate();
  }

  summary(id: string): BranchSummary | undefined {
    return this.summaries.get(id);
  }

  private readonly onScroll = (event: Event): void => {
    const el = event.currentTarget as HTMLElement;
    this.scrollTop = el.scrollTop;
    this.viewport = el.clientHeight || this.viewport;
    this.loadSummaries();
    this.host.requestUpdate();
  };

  private range(): [number, number] {
    const first = Math.max(0, Math.floor(this.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(
      this.rows.length,
      Math.ceil((this.scrollTop + this.viewport) / ROW_HEIGHT) + OVERSCAN,
    );
    return [first, last];
  }

  /** Names and addresses for the rows in sight, in batches, after scrolling settles. */
  private loadSummaries(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const client = this.host.client();
      if (!client) return;
      const [first, last] = this.range();
      const missing = this.rows
        .slice(first, last)
        .map((r) => r.id)
        .filter((id) => !this.summaries.has(id) && !this.requested.has(id));
      for (let i = 0; i < missing.length; i += BATCH) {
        const ids = missing.slice(i, i + BATCH);
        ids.forEach((id) => this.requested.add(id));
        client.summaries(ids).then(
          ({ results }) => {
            for (const s of results) this.summaries.set(s.id, s);
            this.host.requestUpdate();
          },
          () => ids.forEach((id) => this.requested.delete(id)),
        );
      }
    }, 60);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    let next: number | undefined;
    if (event.key in moves) next = this.focusIndex + moves[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = this.rows.length - 1;
    if (next === undefined || !this.rows.length) return;
    event.preventDefault();
    this.focusRow(
      Math.max(0, Math.min(this.rows.length - 1, next)),
      event.currentTarget as HTMLElement,
    );
  };

  private focusRow(index: number, list: HTMLElement): void {
    this.focusIndex = index;
    // Bring the row into sight first, so that it is rendered, then focus it.
    const top = index * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight)
      list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    this.scrollTop = list.scrollTop;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      list.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({ preventScroll: true });
    });
  }

  render(t: Catalog): TemplateResult {
    const [first, last] = this.range();
    const rows = this.rows.slice(first, last);
    return html`<div
      class="list"
      part="list"
      role="list"
      aria-label=${t.listLabel}
      @scroll=${this.onScroll}
      @keydown=${this.onKeyDown}
      @mouseleave=${() => this.host.onHighlight(null)}
    >
      <div class="list-spacer" style="height: ${this.rows.length * ROW_HEIGHT}px">
        ${rows.map((row, k) => {
          const index = first + k;
          const s = this.summaries.get(row.id);
          return html`<div
            role="listitem"
            class="list-item"
            style="transform: translateY(${index * ROW_HEIGHT}px)"
          >
            <button
              type="button"
              class="row bp-${row.type} ${row.id === this.highlighted ? 'is-highlighted' : ''}"
              part="row"
              data-index=${index}
              data-branch-id=${row.id}
              tabindex=${index === this.focusIndex ? 0 : -1}
              @click=${() => this.host.onOpen(row)}
              @focus=${() => {
                this.focusIndex = index;
                this.host.onHighlight(row.id);
              }}
              @mouseenter=${() => this.host.onHighlight(row.id)}
            >
              <span class="row-top">
                <span class="dot" aria-hidden="true"></span>
                <span class="row-name"
                  >${s?.name ?? `${t.typeName[row.type]} ${row.postalCode}`}</span
                >
                <span class="row-distance">${formatDistance(t, row.distance)}</span>
              </span>
              <span class="row-address">${s ? s.address.full : nothing}</span>
              <span class="row-state ${row.state.open ? 'is-open' : 'is-closed'}">
                ${t.typeName[row.type]} · ${describeState(t, row.state)}
              </span>
            </button>
          </div>`;
        })}
      </div>
    </div>`;
  }
}
