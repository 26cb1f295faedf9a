/**
 * Search as you type: a combobox (WAI-ARIA 1.2 pattern) over the proxy's search, suggesting towns
 * (the map moves there) and branches (the map moves there and the card opens). Arrow keys move
 * through the suggestions, Enter takes one, Escape closes them; a query with no result says so.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { ApiClient, BranchSummary, PlaceHit, SearchAnswer } from '../api/api-client';
import { countOf, fill, type Catalog } from '../i18n';
import { formatDistance } from './format';

/** Wait this long after the last keystroke before asking the proxy. */
const DEBOUNCE_MS = 180;
/** A click on a suggestion lands after the input's blur: the suggestions close this much later. */
const BLUR_CLOSE_MS = 150;
/** Towns shown at most, above the branches. */
const MAX_PLACES = 3;

type Suggestion = { kind: 'place'; place: PlaceHit } | { kind: 'branch'; branch: BranchSummary };

export interface SearchOptions {
  client(): ApiClient | undefined;
  /** Where to rank from: the map centre. */
  near(): { lon: number; lat: number } | null;
  types(): readonly string[];
  onPlace(place: PlaceHit): void;
  onBranch(branch: BranchSummary): void;
}

export class SearchController implements ReactiveController {
  query = '';
  expanded = false;
  activeIndex = -1;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private answer: SearchAnswer | null = null;
  /** The option last scrolled into sight. */
  private shownIndex = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private blurTimer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly o: SearchOptions;

  constructor(host: ReactiveControllerHost, options: SearchOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  /** The option the arrow keys reached is scrolled into the list's sight (a phone shows few). */
  hostUpdated(): void {
    if (this.activeIndex === this.shownIndex) return;
    this.shownIndex = this.activeIndex;
    const root = (this.host as unknown as Element).shadowRoot;
    const list = root?.querySelector<HTMLElement>('#bp-suggestions');
    const item = root?.querySelector<HTMLElement>(`#bp-suggestion-${this.activeIndex}`);
    if (!list || !item) return;
    if (item.offsetTop < list.scrollTop) list.scrollTop = item.offsetTop;
    else if (item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = item.offsetTop + item.offsetHeight - list.clientHeight;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    clearTimeout(this.blurTimer);
    this.abort?.abort();
  }

  get suggestions(): Suggestion[] {
    if (!this.answer) return [];
    return [
      ...this.answer.places
        .slice(0, MAX_PLACES)
        .map((place): Suggestion => ({ kind: 'place', place })),
      ...this.answer.results.map((branch): Suggestion => ({ kind: 'branch', branch })),
    ];
  }

  readonly onInput = (event: InputEvent): void => {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    if (this.query.trim().length < 2) {
      this.abort?.abort();
      this.answer = null;
      this.status = 'idle';
      this.expanded = false;
      this.host.requestUpdate();
      return;
    }
    this.timer = setTimeout(() => void this.fetch(), DEBOUNCE_MS);
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.expanded && this.answer) this.expanded = true;
        this.activeIndex = count ? (this.activeIndex + 1) % count : -1;
        break;
      case 'ArrowUp':
        event.preventDefault();
        // From no option at all, up goes to the last.
        this.activeIndex = !count
          ? -1
          : this.activeIndex < 0
            ? count - 1
            : (this.activeIndex - 1 + count) % count;
        break;
      case 'Enter': {
        event.preventDefault();
        clearTimeout(this.timer);
        if (this.expanded && count) this.pick(this.suggestions[Math.max(0, this.activeIndex)]!);
        else if (this.query.trim().length >= 2) void this.fetch();
        return;
      }
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          event.stopPropagation();
          this.close();
        }
        return;
      default:
        return;
    }
    this.host.requestUpdate();
  };

  readonly onBlur = (): void => {
    clearTimeout(this.blurTimer);
    this.blurTimer = setTimeout(() => this.close(), BLUR_CLOSE_MS);
  };

  close(): void {
    if (!this.expanded && this.activeIndex === -1) return;
    this.expanded = false;
    this.activeIndex = -1;
    this.host.requestUpdate();
  }

  private pick(s: Suggestion): void {
    this.close();
    if (s.kind === 'place') this.o.onPlace(s.place);
    else this.o.onBranch(s.branch);
  }

  private async fetch(): Promise<void> {
    const client = this.o.client();
    if (!client) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const query = this.query.trim();
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      const answer = await client.search(query, this.o.near(), this.o.types(), abort.signal);
      if (abort.signal.aborted) return;
      this.answer = answer;
      this.status = 'ready';
      this.expanded = true;
      this.activeIndex = -1;
    } catch (error) {
      if (abort.signal.aborted || (error as Error).name === 'AbortError') return;
      this.answer = null;
      this.status = 'error';
      this.expanded = true;
    }
    this.host.requestUpdate();
  }

  /**
   * What the answer left out, said above the suggestions: "Нет «Тверская» — показаны отделения:
   * Москва" (the town named as a label, so that no town name needs declining).
   */
  private partialNote(t: Catalog): string {
    const words = this.answer?.unmatched;
    if (!words?.length) return '';
    const place = this.answer!.places[0]?.name;
    const quoted = words.join(' ');
    return place
      ? fill(t.searchPartialPlace, { words: quoted, place })
      : fill(t.searchPartial, { words: quoted });
  }

  render(t: Catalog): TemplateResult {
    const suggestions = this.suggestions;
    const activeId = this.activeIndex >= 0 ? `bp-suggestion-${this.activeIndex}` : nothing;
    const nothingFound = this.expanded && this.status === 'ready' && suggestions.length === 0;
    const partial = suggestions.length ? this.partialNote(t) : '';
    return html`<div class="search" part="search">
      <label class="sr-only" for="bp-search">${t.searchLabel}</label>
      <input
        id="bp-search"
        class="search-input"
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        aria-autocomplete="list"
        aria-controls="bp-suggestions"
        aria-expanded=${this.expanded && suggestions.length > 0 ? 'true' : 'false'}
        aria-activedescendant=${activeId}
        placeholder=${t.searchPlaceholder}
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
        @blur=${this.onBlur}
      />
      ${this.status === 'loading' ? html`<span class="search-spinner spinner" aria-hidden="true"></span>` : nothing}
      <div class="suggestions" ?hidden=${!this.expanded || suggestions.length === 0}>
        ${
          partial
            ? html`<p class="suggestions-note" id="bp-search-note" role="status">${partial}</p>`
            : nothing
        }
        <ul
          id="bp-suggestions"
          class="suggestion-list"
          role="listbox"
          aria-label=${t.searchLabel}
          aria-describedby=${partial ? 'bp-search-note' : nothing}
        >
          ${suggestions.map(
            (s, i) =>
              html`<li
                id="bp-suggestion-${i}"
                role="option"
                class="suggestion ${i === this.activeIndex ? 'is-active' : ''}"
                aria-selected=${i === this.activeIndex ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.pick(s)}
              >
                ${
                  s.kind === 'place'
                    ? html`<span class="suggestion-name">${s.place.name}</span>
                        <span class="suggestion-detail"
                          >${s.place.region} · ${countOf(t, s.place.branches, t.branches)}</span
                        >`
                    : html`<span class="suggestion-name"
                          ><span class="dot bp-${s.branch.type}" aria-hidden="true"></span
                          >${s.branch.name}</span
                        >
                        <span class="suggestion-detail"
                          >${s.branch.address.full}${
                            s.branch.distance !== undefined
                              ? html` · ${formatDistance(t, s.branch.distance)}`
                              : nothing
                          }</span
                        >`
                }
              </li>`,
          )}
        </ul>
      </div>
      ${
        nothingFound
          ? html`<p class="search-note" role="status">
              ${fill(t.searchNothing, { query: this.query.trim() })}
            </p>`
          : nothing
      }
      ${this.expanded && this.status === 'error' ? html`<p class="search-note" role="status">${t.searchFailed}</p>` : nothing}
    </div>`;
  }
}
