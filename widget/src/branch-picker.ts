/**
 * `<branch-picker>`: a map of branches, clustered, from which a buyer chooses one.
 *
 * Member order: static → private fields → state → properties → lifecycle → private methods →
 * public methods → render(). The map, the worker and the network live behind their own modules;
 * this class wires them to the store and the store to the template.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Branch } from '#core/branch';
import { ApiClient } from './api/api-client';
import { styles } from './branch-picker.styles';
import { ClusterClient } from './clusters/cluster-client';
import type { MapFeature } from './clusters/cluster-index';
import {
  ERROR_EVENT,
  READY_EVENT,
  SELECT_EVENT,
  toSelection,
  type BranchSelection,
  type PickerErrorDetail,
  type Quote,
  type ReadyDetail,
} from './events';
import { CATALOGS, countOf, fill, formatDays, formatRubles, type Catalog } from './i18n';
import type { MapController } from './map/map-controller';
import { loadStyle } from './map/resolve-style';
import { OptionError, parseOption, RUSSIA_BOUNDS, type PickerOptions } from './options';
import {
  createPickerStore,
  isActiveChosen,
  type ActiveBranch,
  type PickerState,
  type QuoteState,
} from './state/store';
import { SCRIPT_BASE } from './util/script-base';

/** A screen-reader announcement waits until the map has stopped this long. */
const ANNOUNCE_DELAY_MS = 700;
/** Zoom the map goes to when it shows one branch. */
const BRANCH_ZOOM = 15;
/** Below this width the card is a bottom sheet (the styles' container query says the same). */
const NARROW_PX = 480;
/** The card's width on wide pickers (styles: min(380px, …)). */
const CARD_WIDTH_PX = 380;

const describe = (error: unknown): PickerErrorDetail => {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : 'unknown',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
};

export class BranchPicker extends LitElement {
  static override styles = styles;

  static override properties = {
    api: { type: String },
    lang: { type: String },
    types: { type: String },
    center: { type: String },
    zoom: { type: String },
    selected: { type: String },
    mapStyle: { type: String, attribute: 'map-style' },
    theme: { type: String },
    from: { type: String },
    weight: { type: String },
    value: { type: String },
    cod: { type: String },
    service: { type: String },
    state: { state: true },
    announcement: { state: true },
    systemDark: { state: true },
  };

  private readonly store = createPickerStore();
  private unsubscribe: (() => void) | undefined;
  private abort: AbortController | undefined;
  private map: MapController | undefined;
  private clusters: ClusterClient | undefined;
  private client: ApiClient | undefined;
  private detailsAbort: AbortController | undefined;
  private quoteAbort: AbortController | undefined;
  private viewPending = false;
  private viewRunning = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private focusCardOnRender = false;
  private pendingSelect: string | undefined;
  private started = false;
  private startKey = '';
  private destroyed = false;
  private readonly darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');

  declare state: PickerState;
  declare announcement: string;
  declare systemDark: boolean;

  /** Base URL of the proxy. Default: the origin the script was loaded from. */
  declare api: string | null;
  /** Interface language: `ru` (default) or `en`. */
  declare lang: string;
  /** Branch types to show, comma-separated. Default: all. */
  declare types: string | null;
  /** Starting centre, `"longitude,latitude"`. Default: all of Russia. */
  declare center: string | null;
  /** Starting zoom 0–20. */
  declare zoom: string | null;
  /** Id of a branch to show, preselected, at start. */
  declare selected: string | null;
  /** URL of a MapLibre style. Default: the proxy's offline basemap. */
  declare mapStyle: string | null;
  /** `light` (default), `dark` or `auto`. */
  declare theme: string | null;
  /** Sender's postal code: with it, cards show the cost and delivery time. */
  declare from: string | null;
  /** Parcel weight, grams (1000). */
  declare weight: string | null;
  /** Declared value, rubles (0). */
  declare value: string | null;
  /** Cash on delivery, rubles; the attribute alone means the declared value. */
  declare cod: string | null;
  /** Mail service to price (`parcel-online`). */
  declare service: string | null;

  constructor() {
    super();
    this.state = this.store.getState();
    this.announcement = '';
    this.systemDark = this.darkQuery?.matches ?? false;
    this.api = null;
    this.lang = '';
    this.types = null;
    this.center = null;
    this.zoom = null;
    this.selected = null;
    this.mapStyle = null;
    this.theme = null;
    this.from = null;
    this.weight = null;
    this.value = null;
    this.cod = null;
    this.service = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.store.subscribe((state) => (this.state = state));
    this.darkQuery?.addEventListener('change', this.onSystemTheme);
    // Re-attached after a move in the DOM (SPAs do this): start again where firstUpdated did.
    if (this.hasUpdated && !this.started && !this.destroyed) void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery?.removeEventListener('change', this.onSystemTheme);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.teardown();
  }

  protected override firstUpdated(): void {
    void this.start();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.started) return;
    // Any option may fix an invalid one, so all of them are checked; only a change to what the map
    // and network were built from (or from invalid to valid) starts again.
    const startInputs = [
      'api',
      'lang',
      'types',
      'center',
      'zoom',
      'selected',
      'mapStyle',
      'theme',
      'systemDark',
      'from',
      'weight',
      'value',
      'cod',
      'service',
    ] as const;
    if (startInputs.some((key) => changed.has(key)) && this.startKey !== this.computeStartKey()) {
      this.restart();
      return;
    }
    if ((changed.has('center') || changed.has('zoom')) && this.map) this.applyView();
    if (changed.has('selected') && this.selected && this.map) void this.select(this.selected);
    const parcel = ['from', 'weight', 'value', 'cod', 'service'] as const;
    if (parcel.some((key) => changed.has(key)) && this.state.active?.branch)
      void this.loadQuote(this.state.active.branch);
    if (this.focusCardOnRender && this.state.active?.status !== 'loading') {
      this.focusCardOnRender = false;
      this.renderRoot.querySelector<HTMLElement>('.card h2')?.focus();
    }
  }

  // ——— private: start and stop ———

  private get t(): Catalog {
    return CATALOGS[this.readLang()];
  }

  private readLang(): keyof typeof CATALOGS {
    try {
      return parseOption('lang', this.lang || null);
    } catch {
      return 'ru';
    }
  }

  private readOptions(): PickerOptions {
    const types = this.types as unknown;
    const text = (v: unknown): string | null =>
      typeof v === 'string'
        ? v
        : typeof v === 'number'
          ? String(v)
          : v === true
            ? '' // picker.cod = true: like the bare attribute
            : null;
    return {
      from: parseOption('from', text(this.from)),
      weight: parseOption('weight', text(this.weight)),
      value: parseOption('value', text(this.value)),
      cod: parseOption('cod', text(this.cod)),
      service: parseOption('service', text(this.service)),
      api: parseOption('api', this.api) || SCRIPT_BASE,
      lang: parseOption('lang', this.lang || null),
      types: parseOption(
        'types',
        Array.isArray(types) ? types.join(',') : (types as string | null),
      ),
      center: parseOption('center', this.center),
      zoom: parseOption('zoom', this.zoom === null ? null : String(this.zoom)),
      selected: parseOption('selected', this.selected),
      mapStyle: parseOption('mapStyle', this.mapStyle),
      theme: parseOption('theme', this.theme),
    };
  }

  private isDark(theme: PickerOptions['theme']): boolean {
    return theme === 'dark' || (theme === 'auto' && this.systemDark);
  }

  private styleUrl(options: PickerOptions, base: string): string {
    if (options.mapStyle) return options.mapStyle;
    const variant = `${this.isDark(options.theme) ? '-dark' : ''}${options.lang === 'en' ? '-en' : ''}`;
    return new URL(`basemap/style${variant}.json`, base).href;
  }

  /** What the map and the network were built from: when it changes, the picker starts again. */
  private computeStartKey(): string {
    try {
      const o = this.readOptions();
      return JSON.stringify([o.api, o.lang, o.types, this.styleUrl(o, o.api)]);
    } catch (error) {
      return `invalid: ${(error as Error).message}`;
    }
  }

  private async start(): Promise<void> {
    if (this.started || this.destroyed) return;
    this.started = true;
    const abort = (this.abort = new AbortController());
    const { signal } = abort;
    this.store.getState().loading();

    let options: PickerOptions;
    try {
      options = this.readOptions();
    } catch (error) {
      this.startKey = this.computeStartKey();
      this.fail(describe(error), error);
      return;
    }
    const client = (this.client = new ApiClient(options.api));
    const clusters = (this.clusters = new ClusterClient());
    const t = CATALOGS[options.lang];
    const styleUrl = this.styleUrl(options, client.base);
    this.startKey = this.computeStartKey();

    const network = clusters.load(client.base, options.types);
    // The style, MapLibre's code and the network all download at once.
    const style = loadStyle(styleUrl, signal);
    // Awaited once MapLibre has loaded; until then a failure must not count as unhandled.
    style.catch(() => undefined);
    const mapReady = import('./map/map-controller').then(async ({ MapController }) => {
      const container = this.renderRoot.querySelector<HTMLElement>('.map')!;
      const map = await MapController.create(
        {
          container,
          root: this.renderRoot as ShadowRoot,
          style: await style,
          styleUrl,
          center: options.center,
          zoom: options.zoom,
          bounds: RUSSIA_BOUNDS,
          locale: {
            'Map.Title': t.mapLabel,
            'NavigationControl.ZoomIn': t.zoomIn,
            'NavigationControl.ZoomOut': t.zoomOut,
          },
          markers: {
            groupLabel: t.mapLabel,
            clusterLabel: (count) => fill(t.clusterLabel, { count: countOf(t, count, t.branches) }),
            branchLabel: (f) => fill(t.branchLabel, { type: t.typeName[f.type], code: f.id }),
            onCluster: (f) => void this.expandCluster(f),
            onBranch: (f) => void this.activate(f.id, true),
          },
          onMove: this.scheduleView,
        },
        signal,
      );
      // The network may have failed while the map loaded: then nobody will use this map.
      if (signal.aborted) {
        map.destroy();
        throw new DOMException('aborted', 'AbortError');
      }
      return map;
    });

    try {
      const [{ count }, map] = await Promise.all([network, mapReady]);
      if (signal.aborted) return;
      this.map = map;
      this.store.getState().loaded(count);
      this.scheduleView();
      const preselect = this.pendingSelect ?? options.selected;
      this.pendingSelect = undefined;
      if (preselect) void this.select(preselect);
      await map.whenIdle();
      if (signal.aborted) return;
      this.dispatchEvent(
        new CustomEvent<ReadyDetail>(READY_EVENT, {
          detail: { branches: count },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      if (signal.aborted) return;
      this.fail(describe(error), error);
    }
  }

  private teardown(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.detailsAbort?.abort();
    this.quoteAbort?.abort();
    this.map?.destroy();
    this.map = undefined;
    this.clusters?.destroy();
    this.clusters = undefined;
    clearTimeout(this.announceTimer);
    this.viewPending = false;
    this.started = false;
  }

  private restart(): void {
    this.teardown();
    this.store.getState().deactivate();
    void this.start();
  }

  private fail(detail: PickerErrorDetail, error?: unknown): void {
    // Keep nothing half-alive: a retry starts from scratch. Still "started": a corrected
    // attribute restarts the picker as a changed one would.
    this.teardown();
    this.started = true;
    this.store.getState().failed(detail);
    this.report(detail, error);
  }

  /** Fires `branch-picker-error`; nobody listening (or nobody calling preventDefault) means the console hears it. */
  private report(detail: PickerErrorDetail, error?: unknown): void {
    const event = new CustomEvent<PickerErrorDetail>(ERROR_EVENT, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (this.dispatchEvent(event))
      console.error(`[branch-picker] ${detail.code}: ${detail.message}`, error ?? '');
  }

  // ——— private: the map ———

  /** Asks the worker for the current view; at most one question in flight, the latest view wins. */
  private readonly scheduleView = (): void => {
    this.viewPending = true;
    if (!this.viewRunning) void this.pumpView();
  };

  private async pumpView(): Promise<void> {
    this.viewRunning = true;
    try {
      while (this.viewPending && this.map && this.clusters) {
        this.viewPending = false;
        const map = this.map;
        const result = await this.clusters.view(map.bounds(), map.zoom());
        if (map !== this.map) return;
        map.setFeatures(result.features);
        this.store.getState().viewChanged(result.inView);
        this.scheduleAnnouncement();
      }
    } catch (error) {
      if (describe(error).code !== 'destroyed') this.report(describe(error), error);
    } finally {
      this.viewRunning = false;
    }
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(
      () => (this.announcement = this.countText()),
      ANNOUNCE_DELAY_MS,
    );
  }

  private countText(): string {
    const t = this.t;
    const n = this.state.inView;
    if (n === null) return '';
    return n === 0 ? t.noneInView : fill(t.inView, { count: countOf(t, n, t.branches) });
  }

  private async expandCluster(feature: Extract<MapFeature, { kind: 'cluster' }>): Promise<void> {
    if (!this.clusters || !this.map) return;
    try {
      const { zoom } = await this.clusters.expansionZoom(feature.id);
      this.map?.flyTo(feature.lon, feature.lat, Math.max(zoom, this.map.zoom() + 1));
    } catch (error) {
      if (describe(error).code !== 'destroyed') this.report(describe(error), error);
    }
  }

  private applyView(): void {
    try {
      const center = parseOption('center', this.center);
      const zoom = parseOption('zoom', this.zoom === null ? null : String(this.zoom));
      if (center) this.map?.flyTo(center[0], center[1], zoom ?? 12);
    } catch (error) {
      this.report(describe(error), error);
    }
  }

  // ——— private: the card ———

  private async activate(id: string, byUser: boolean): Promise<Branch | undefined> {
    if (!this.client) return undefined;
    this.detailsAbort?.abort();
    const abort = (this.detailsAbort = new AbortController());
    this.store.getState().activate(id);
    this.map?.setActive(id);
    this.focusCardOnRender = byUser;
    try {
      const branch = await this.client.branch(id, abort.signal);
      this.store.getState().activeLoaded(branch);
      void this.loadQuote(branch);
      return branch;
    } catch (error) {
      if (abort.signal.aborted) return undefined;
      const detail = describe(error);
      this.store.getState().activeFailed(id, detail);
      this.report(detail, error);
      return undefined;
    }
  }

  /** Prices the configured parcel to a branch, when the picker knows the sender. */
  private async loadQuote(branch: Branch): Promise<void> {
    let options: PickerOptions;
    try {
      options = this.readOptions();
    } catch {
      return; // reported by start(); no price from a bad option
    }
    if (!options.from || !this.client) return;
    this.quoteAbort?.abort();
    const abort = (this.quoteAbort = new AbortController());
    this.store.getState().quoteLoading(branch.id);
    try {
      const quote = await this.client.quote(
        {
          from: options.from,
          to: branch.postalCode,
          weight: options.weight,
          value: options.value,
          cod: options.cod === 'value' ? options.value : options.cod,
          service: options.service,
        },
        abort.signal,
      );
      this.store.getState().quoteLoaded(branch.id, quote);
    } catch (error) {
      if (abort.signal.aborted) return;
      const detail = describe(error);
      this.store.getState().quoteFailed(branch.id, detail);
      this.report(detail, error);
    }
  }

  private readonly retryQuote = (): void => {
    const branch = this.state.active?.branch;
    if (branch) void this.loadQuote(branch);
  };

  /** Room the open card takes: beside the map on wide pickers, below it on narrow ones. */
  private cardPadding(): { left?: number; bottom?: number } {
    const width = this.getBoundingClientRect().width;
    return width > NARROW_PX
      ? { left: CARD_WIDTH_PX + 24 }
      : { bottom: this.getBoundingClientRect().height / 2 };
  }

  private readonly closeCard = (): void => {
    const id = this.state.active?.id;
    this.detailsAbort?.abort();
    this.quoteAbort?.abort();
    this.store.getState().deactivate();
    this.map?.setActive(null);
    // Focus goes back to the marker the card came from, when it is still on the map.
    const marker = id
      ? this.renderRoot.querySelector<HTMLElement>(`.bp-branch[data-branch-id="${CSS.escape(id)}"]`)
      : null;
    marker?.focus();
  };

  private readonly choose = (): void => {
    const branch = this.state.active?.branch;
    if (!branch) return;
    const answer = this.state.active?.quote?.quote;
    // The payload's quote: what the buyer saw on the card, or null when there was none.
    const quote: Quote | null = answer
      ? { cost: answer.cost, delivery: answer.delivery, source: answer.source, stale: answer.stale }
      : null;
    this.store.getState().choose(branch.id);
    this.map?.setChosen(branch.id);
    this.dispatchEvent(
      new CustomEvent<BranchSelection>(SELECT_EVENT, {
        detail: toSelection(branch, quote),
        bubbles: true,
        composed: true,
      }),
    );
  };

  private readonly retry = (): void => {
    this.teardown();
    void this.start();
  };

  private readonly retryDetails = (): void => {
    const id = this.state.active?.id;
    if (id) void this.activate(id, true);
  };

  private readonly onSystemTheme = (event: MediaQueryListEvent): void => {
    this.systemDark = event.matches;
  };

  private readonly onCardKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.closeCard();
    }
  };

  // ——— public ———

  /**
   * Shows a branch as chosen: centres the map on it and opens its card. Fires no `branch-select`
   * (that event means the buyer chose). Resolves when the card has its details; called before the
   * map is ready, it shows the branch as soon as the map is.
   */
  async select(id: string): Promise<void> {
    if (!this.map) {
      // Called before the map is ready: done as soon as it is.
      this.pendingSelect = id;
      return;
    }
    const branch = await this.activate(id, false);
    if (!branch) return;
    this.store.getState().choose(branch.id);
    this.map?.setChosen(branch.id);
    this.map?.flyTo(branch.location.lon, branch.location.lat, BRANCH_ZOOM, this.cardPadding());
  }

  /** Frees the map, the worker, listeners and requests. The element stays in the page, empty. */
  destroy(): void {
    this.destroyed = true;
    this.teardown();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.darkQuery?.removeEventListener('change', this.onSystemTheme);
  }

  // ——— render ———

  private renderCard(active: ActiveBranch) {
    const t = this.t;
    const branch = active.branch;
    const chosen = isActiveChosen(this.state);
    return html`<section
      class="card"
      part="card"
      aria-labelledby="bp-card-title"
      aria-busy=${active.status === 'loading' ? 'true' : 'false'}
      @keydown=${this.onCardKeyDown}
    >
      <div class="card-head">
        <span class="type bp-${branch?.type ?? ''}">${branch ? t.typeName[branch.type] : ''}</span>
        <button
          class="close"
          part="close-button"
          type="button"
          aria-label=${t.close}
          @click=${this.closeCard}
        >
          ×
        </button>
      </div>
      ${
        active.status === 'loading'
          ? html`<h2 id="bp-card-title" tabindex="-1" class="muted">${t.detailsLoading}</h2>`
          : active.status === 'error' || !branch
            ? html`<h2 id="bp-card-title" tabindex="-1">${t.detailsFailed}</h2>
                <button class="secondary" type="button" @click=${this.retryDetails}>
                  ${t.retry}
                </button>`
            : html`<h2 id="bp-card-title" tabindex="-1">${branch.name}</h2>
                <p class="address">${branch.address.full}</p>
                <dl class="facts">
                  <dt>${t.postalCode}</dt>
                  <dd>${branch.postalCode}</dd>
                </dl>
                ${active.quote ? this.renderQuote(active.quote) : nothing}
                <button
                  class="primary"
                  part="choose-button"
                  type="button"
                  aria-pressed=${chosen ? 'true' : 'false'}
                  @click=${this.choose}
                >
                  ${chosen ? `✓ ${t.chosen}` : t.choose}
                </button>`
      }
    </section>`;
  }

  private renderQuote(q: QuoteState) {
    const t = this.t;
    if (q.status === 'loading') {
      return html`<p class="quote muted" part="quote" aria-live="polite">${t.quoteLoading}</p>`;
    }
    if (q.status === 'error' || !q.quote) {
      return html`<p class="quote" part="quote">
        ${t.quoteFailed}
        <button class="link" type="button" @click=${this.retryQuote}>${t.retry}</button>
      </p>`;
    }
    const { cost, delivery, source, stale, answeredAt } = q.quote;
    const time = new Intl.DateTimeFormat(t.locale, { hour: '2-digit', minute: '2-digit' }).format(
      new Date(answeredAt),
    );
    return html`<p class="quote" part="quote">
        <span class="quote-label">${t.delivery}</span>
        <strong class="price">${cost.amount === 0 ? t.free : formatRubles(t, cost.amount)}</strong>
        <span aria-hidden="true">·</span>
        <span>${formatDays(t, delivery.minDays, delivery.maxDays)}</span>
        ${source === 'estimate' ? html`<span class="badge">${t.estimate}</span>` : nothing}
        ${stale ? html`<span class="badge">${fill(t.staleAt, { time })}</span>` : nothing}
      </p>
      ${source === 'estimate' ? html`<p class="hint muted">${t.estimateHint}</p>` : nothing}`;
  }

  override render() {
    const t = this.t;
    const s = this.state;
    let dark = false;
    try {
      dark = this.isDark(parseOption('theme', this.theme));
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
    }
    return html`<div part="base" class="base ${dark ? 'dark' : 'light'}" lang=${this.readLang()}>
      <div class="map" part="map"></div>
      ${
        s.status === 'ready' && s.inView !== null
          ? html`<div class="count" part="count" aria-hidden="true">${this.countText()}</div>`
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      ${
        s.status === 'loading'
          ? html`<div class="overlay" part="overlay">
              <span class="spinner" aria-hidden="true"></span>${t.loading}
            </div>`
          : nothing
      }
      ${
        s.status === 'error'
          ? html`<div class="overlay" part="overlay" role="alert">
              <span>${t.loadFailed}</span>
              <button class="secondary" type="button" @click=${this.retry}>${t.retry}</button>
            </div>`
          : nothing
      }
      ${s.active ? this.renderCard(s.active) : nothing}
    </div>`;
  }
}
