/**
 * The list of branches in the map's area, nearest first: virtualised (only the rows in sight, and a
 * few around them, are in the DOM, so thousands of rows scroll smoothly), one tab stop with arrow
 * keys between rows, and each row's name and address fetched in batches as it comes into sight.
 * Hovering or focusing a row highlights its marker on the map.
 *
 * Rows are placed through the CSSOM (util/style-props.ts): a strict Content-Security-Policy refuses
 * `style="…"` attributes.
 *
 * Ours rather than @lit-labs/virtualizer: rows here are of one fixed height, which makes the
 * arithmetic a dozen lines, where the virtualizer (8 KB gzipped) would not fit the entry's budget.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { ApiClient, BranchSummary } from '../api/api-client';
import { type Catalog } from '../i18n';
import type { ListRow } from '../network/protocol';
import { ROW_HEIGHT_PX as ROW_HEIGHT } from '../styles/layout';
import { styleProps } from '../util/style-props';
import { describeState, formatDistance } from './format';

/** Rows rendered beyond the visible ones, each side. */
const OVERSCAN = 6;
/** Ids per summaries request (the proxy's limit is 100). */
const BATCH = 50;
/** Names and addresses are asked for once scrolling has paused this long. */
const SETTLE_MS = 60;
/** Rows PageUp and PageDown move by. */
const PAGE_ROWS = 8;

export interface ListOptions {
  client(): ApiClient | undefined;
  /** The buyer opened a row. */
  onOpen(row: ListRow): void;
  /** A row is under the pointer or focused (null when none is). */
  onHighlight(id: string | null): void;
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
  /** Aborts the summaries requests in flight. */
  private abort = new AbortController();
  private readonly host: ReactiveControllerHost;
  private readonly o: ListOptions;

  constructor(host: ReactiveControllerHost, options: ListOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** The run ended (or the proxy changed): no rows, nothing cached, nothing in flight. */
  reset(): void {
    clearTimeout(this.timer);
    this.abort.abort();
    this.abort = new AbortController();
    this.rows = [];
    this.summaries.clear();
    this.requested.clear();
  }

  /** Marks the row of the marker under the pointer. */
  highlight(id: string | null): void {
    this.highlighted = id;
    this.host.requestUpdate();
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
      const client = this.o.client();
      if (!client) return;
      const [first, last] = this.range();
      const missing = this.rows
        .slice(first, last)
        .map((r) => r.id)
        .filter((id) => !this.summaries.has(id) && !this.requested.has(id));
      for (let i = 0; i < missing.length; i += BATCH) {
        const ids = missing.slice(i, i + BATCH);
        ids.forEach((id) => this.requested.add(id));
        client.summaries(ids, this.abort.signal).then(
          ({ results }) => {
            for (const s of results) this.summaries.set(s.id, s);
            this.host.requestUpdate();
          },
          () => ids.forEach((id) => this.requested.delete(id)),
        );
      }
    }, SETTLE_MS);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: PAGE_ROWS,
      PageUp: -PAGE_ROWS,
    };
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
      @mouseleave=${() => this.o.onHighlight(null)}
    >
      <div class="list-spacer" ${styleProps({ height: `${this.rows.length * ROW_HEIGHT}px` })}>
        ${rows.map((row, k) => {
          const index = first + k;
          const s = this.summaries.get(row.id);
          return html`<div
            role="listitem"
            class="list-item"
            ${styleProps({ transform: `translateY(${index * ROW_HEIGHT}px)` })}
          >
            <button
              type="button"
              class="row bp-${row.type} ${row.id === this.highlighted ? 'is-highlighted' : ''}"
              part="row"
              data-index=${index}
              data-branch-id=${row.id}
              tabindex=${index === this.focusIndex ? 0 : -1}
              @click=${() => this.o.onOpen(row)}
              @focus=${() => {
                this.focusIndex = index;
                this.o.onHighlight(row.id);
              }}
              @mouseenter=${() => this.o.onHighlight(row.id)}
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
