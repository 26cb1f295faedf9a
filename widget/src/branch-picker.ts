/**
 * `<branch-picker>`: every branch findable by search, list or map; the facts that decide the choice
 * on a card; inline or in a dialog; on a phone with a bottom sheet; by mouse, touch or keyboard.
 *
 * Member order: static → private fields → state → properties → lifecycle → private methods →
 * public methods → render(). The map, the worker and the network live behind their own modules,
 * the pieces of the interface in ui/; this class wires them to the store and the store to the template.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type * as CardModule from './ui/card';
import { BRANCH_TYPES, type Branch, type BranchType } from '#core/branch';
import type { Parcel } from '#core/parcel-fit';
import { ApiClient, type BranchSummary, type PlaceHit } from './api/api-client';
import { styles } from './branch-picker.styles';
import { ClusterClient } from './clusters/cluster-client';
import type { MapFeature } from './clusters/cluster-index';
import { NO_FILTERS, type Filters, type ListRow } from './clusters/protocol';
import {
  CLOSE_EVENT,
  ERROR_EVENT,
  READY_EVENT,
  SELECT_EVENT,
  toSelection,
  type BranchSelection,
  type PickerErrorDetail,
  type Quote,
  type ReadyDetail,
} from './events';
import {
  catalog,
  countOf,
  DEFAULT_LANG,
  fill,
  formatBadge,
  formatNumber,
  type Catalog,
  type Lang,
} from './i18n';
import type { MapController } from './map/map-controller';
import { loadStyle } from './map/resolve-style';
import {
  OptionError,
  parseOption,
  RUSSIA_BOUNDS,
  RUSSIA_WEST_BOUNDS,
  type PickerOptions,
} from './options';
import { recall, remember, type Remembered } from './state/remember';
import { createPickerStore, isActiveChosen, type PickerState } from './state/store';
import { renderFilters, type FlagFilter } from './ui/filters';
import { ListController } from './ui/list';
import { SearchController } from './ui/search';
import { SCRIPT_BASE } from './util/script-base';

/** A screen-reader announcement waits until the map has stopped this long. */
const ANNOUNCE_DELAY_MS = 700;
/** Zoom the map goes to when it shows one branch, and at most when it shows a town. */
const BRANCH_ZOOM = 14;
/** A row opened from the list: at least this close, but never zoomed out. */
const ROW_ZOOM = 11;
const PLACE_MAX_ZOOM = 13;
/** Zoom for "near me". */
const NEAR_ME_ZOOM = 13;
/** Below this width the picker is a phone layout: map, a bar on top, a sheet below. */
const NARROW_PX = 640;
/** Below this width the map first shows European Russia rather than the whole country. */
const NARROW_MAP_PX = 560;
/** Rows the list holds at most (the nearest ones); a virtualised list keeps thousands smooth. */
const LIST_LIMIT = 2000;
const GEOLOCATION_TIMEOUT_MS = 10_000;

const describe = (error: unknown): PickerErrorDetail => {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : 'unknown',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
};

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"]), a[href]';

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
    size: { type: String },
    // Reflected: the host's own styles (no room taken, no containment) depend on it.
    mode: { type: String, reflect: true },
    noList: { type: Boolean, attribute: 'no-list' },
    noSearch: { type: Boolean, attribute: 'no-search' },
    noGeolocation: { type: Boolean, attribute: 'no-geolocation' },
    noRemember: { type: Boolean, attribute: 'no-remember' },
    state: { state: true },
    announcement: { state: true },
    systemDark: { state: true },
    narrow: { state: true },
    sheetOpen: { state: true },
    filters: { state: true },
    byType: { state: true },
    remembered: { state: true },
    notice: { state: true },
    isOpen: { state: true },
    filtersOpen: { state: true },
  };

  private readonly store = createPickerStore();
  private readonly search = new SearchController({
    addController: (c) => this.addController(c),
    removeController: (c) => this.removeController(c),
    requestUpdate: () => this.requestUpdate(),
    get updateComplete() {
      return Promise.resolve(true);
    },
    client: () => this.client,
    near: () => this.map?.centre() ?? null,
    types: () => this.activeTypes(),
    onPlace: (place) => this.goToPlace(place),
    onBranch: (branch) => this.goToBranch(branch),
  });
  private readonly list = new ListController(this.listHost());
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
  /** What had focus when the buyer opened the card: focus returns there when it closes. */
  private cardOpener: HTMLElement | null = null;
  private sheetBeforeCard = false;
  /** The card and the opening-hours arithmetic load after the map, off the entry script's budget. */
  private cardModule: typeof CardModule | null = null;
  private cardLoading: Promise<unknown> | undefined;
  private pendingSelect: string | undefined;
  private origin: { lon: number; lat: number } | null = null;
  private started = false;
  private startKey = '';
  private destroyed = false;
  private returnFocus: HTMLElement | null = null;
  private resizeObserver: ResizeObserver | undefined;
  private readonly darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');

  declare state: PickerState;
  declare announcement: string;
  declare systemDark: boolean;
  declare narrow: boolean;
  declare sheetOpen: boolean;
  declare filters: Filters;
  declare byType: Record<BranchType, number> | null;
  declare remembered: Remembered | null;
  /** A message shown above the list (geolocation refused, no branch nearby). */
  declare notice: string | null;
  /** In modal mode, whether the dialog is open. */
  declare isOpen: boolean;
  /** Whether the needs filters are unfolded. */
  declare filtersOpen: boolean;

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
  /** Parcel size in cm, `"30x20x10"`: lockers say whether it fits a cell. */
  declare size: string | null;
  /** `inline` (default) or `modal`: a dialog that `open()` shows. */
  declare mode: string | null;
  /** Hides the list beside the map. */
  declare noList: boolean;
  /** Hides the search box. */
  declare noSearch: boolean;
  /** Hides the "near me" button. */
  declare noGeolocation: boolean;
  /** Neither remembers the choice on this device nor offers it next time. */
  declare noRemember: boolean;

  constructor() {
    super();
    this.state = this.store.getState();
    this.announcement = '';
    this.systemDark = this.darkQuery?.matches ?? false;
    this.narrow = false;
    this.sheetOpen = false;
    this.filters = NO_FILTERS;
    this.byType = null;
    this.remembered = null;
    this.notice = null;
    this.isOpen = false;
    this.filtersOpen = false;
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
    this.size = null;
    this.mode = null;
    this.noList = false;
    this.noSearch = false;
    this.noGeolocation = false;
    this.noRemember = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.store.subscribe((state) => (this.state = state));
    this.darkQuery?.addEventListener('change', this.onSystemTheme);
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const narrow = (entry?.contentRect.width ?? 0) < NARROW_PX;
      if (narrow !== this.narrow) this.narrow = narrow;
    });
    this.resizeObserver.observe(this);
    // Re-attached after a move in the DOM (SPAs do this): start again where firstUpdated did.
    if (this.hasUpdated && !this.started && !this.destroyed && this.shouldStart())
      void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery?.removeEventListener('change', this.onSystemTheme);
    this.resizeObserver?.disconnect();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.teardown();
  }

  protected override firstUpdated(): void {
    // A dialog starts its map when first opened: no work for a picker nobody opens.
    if (this.shouldStart()) void this.start();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('narrow') && this.map) this.map.resize();
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
      'size',
      'mode',
    ] as const;
    if (startInputs.some((key) => changed.has(key)) && this.startKey !== this.computeStartKey()) {
      this.restart();
      return;
    }
    if ((changed.has('center') || changed.has('zoom')) && this.map) this.applyView();
    if (changed.has('selected') && this.selected && this.map) void this.select(this.selected);
    const parcel = ['from', 'weight', 'value', 'cod', 'service', 'size'] as const;
    if (parcel.some((key) => changed.has(key)) && this.state.active?.branch)
      void this.loadQuote(this.state.active.branch);
    if (this.focusCardOnRender && this.cardModule && this.state.active?.status !== 'loading') {
      this.focusCardOnRender = false;
      this.renderRoot.querySelector<HTMLElement>('.card h2')?.focus();
    }
  }

  // ——— private: options ———

  private get t(): Catalog {
    return catalog(this.readLang());
  }

  private readLang(): Lang {
    try {
      return parseOption('lang', this.lang || null);
    } catch {
      return DEFAULT_LANG;
    }
  }

  private isModal(): boolean {
    return this.mode?.trim().toLowerCase() === 'modal';
  }

  private shouldStart(): boolean {
    return !this.isModal() || this.isOpen;
  }

  private readOptions(): PickerOptions {
    const types = this.types as unknown;
    const text = (v: unknown): string | null =>
      typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v === true ? '' : null;
    const bool = (v: boolean) => (v ? '' : null);
    return {
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
      from: parseOption('from', text(this.from)),
      weight: parseOption('weight', text(this.weight)),
      value: parseOption('value', text(this.value)),
      cod: parseOption('cod', text(this.cod)),
      service: parseOption('service', text(this.service)),
      size: parseOption('size', text(this.size)),
      mode: parseOption('mode', text(this.mode)),
      noList: parseOption('noList', bool(this.noList)),
      noSearch: parseOption('noSearch', bool(this.noSearch)),
      noGeolocation: parseOption('noGeolocation', bool(this.noGeolocation)),
      noRemember: parseOption('noRemember', bool(this.noRemember)),
    };
  }

  private options(): PickerOptions | null {
    try {
      return this.readOptions();
    } catch {
      return null;
    }
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

  /** The types the site allows, in order. */
  private siteTypes(): BranchType[] {
    const allowed = this.options()?.types ?? [];
    return allowed.length ? BRANCH_TYPES.filter((t) => allowed.includes(t)) : [...BRANCH_TYPES];
  }

  /** The types on the map now: the buyer's pick within the site's. */
  private activeTypes(): BranchType[] {
    return this.filters.types.length ? this.filters.types : (this.options()?.types ?? []);
  }

  private parcel(): Parcel | null {
    const o = this.options();
    return o && (o.from || this.weight || o.size) ? { weight: o.weight, size: o.size } : null;
  }

  // ——— private: start and stop ———

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
    const t = catalog(options.lang);
    const styleUrl = this.styleUrl(options, client.base);
    this.startKey = this.computeStartKey();
    this.remembered = options.noRemember ? null : recall(client.base);

    const network = clusters.load(client.base, options.types).then(async (loaded) => {
      // Filters the buyer set before a restart (a new language) stay.
      if (this.filters !== NO_FILTERS) await clusters.filter(this.filters);
      return loaded;
    });
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
          // A narrow map (a phone, a small panel) would show the whole country as a thin strip.
          bounds: container.clientWidth < NARROW_MAP_PX ? RUSSIA_WEST_BOUNDS : RUSSIA_BOUNDS,
          locale: {
            'Map.Title': t.mapLabel,
            'NavigationControl.ZoomIn': t.zoomIn,
            'NavigationControl.ZoomOut': t.zoomOut,
          },
          markers: {
            groupLabel: t.mapLabel,
            clusterBadge: (count) => formatBadge(t, count),
            clusterLabel: (count) =>
              fill(t.clusterLabel, {
                count: countOf(t, count, t.branches, formatBadge(t, count)),
              }),
            branchLabel: (f) => fill(t.branchLabel, { type: t.typeName[f.type], code: f.id }),
            onCluster: (f) => void this.expandCluster(f),
            onBranch: (f) => void this.activate(f.id, true),
            onHover: (id) => {
              this.list.highlighted = id;
              this.requestUpdate();
            },
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
      this.loadCardModule();
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

  // ——— private: the map and the list ———

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
        const bounds = map.bounds();
        const centre = map.centre();
        // Rows sort from the searched place while it is in view, else from the centre.
        const origin =
          this.origin &&
          this.origin.lon >= bounds[0] &&
          this.origin.lon <= bounds[2] &&
          this.origin.lat >= bounds[1] &&
          this.origin.lat <= bounds[3]
            ? this.origin
            : centre;
        const result = await this.clusters.view(
          bounds,
          map.zoom(),
          origin,
          this.noListOption() ? 0 : LIST_LIMIT,
        );
        if (map !== this.map) return;
        map.setFeatures(result.features);
        this.list.setRows(result.list);
        this.byType = result.byType;
        this.store.getState().viewChanged(result.inView);
        this.scheduleAnnouncement();
      }
    } catch (error) {
      if (describe(error).code !== 'destroyed') this.report(describe(error), error);
    } finally {
      this.viewRunning = false;
    }
  }

  private noListOption(): boolean {
    return this.options()?.noList ?? false;
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

  private listHost() {
    return {
      addController: (c: Parameters<LitElement['addController']>[0]) => this.addController(c),
      removeController: (c: Parameters<LitElement['removeController']>[0]) =>
        this.removeController(c),
      requestUpdate: () => this.requestUpdate(),
      get updateComplete() {
        return Promise.resolve(true);
      },
      client: () => this.client,
      onOpen: (row: ListRow) => {
        this.map?.flyTo(
          row.lon,
          row.lat,
          // Rows are branches already in view: keep the buyer's zoom, neighbours stay on the map.
          Math.max(ROW_ZOOM, this.map.zoom()),
          this.sheetPadding(),
        );
        void this.activate(row.id, true);
      },
      onHighlight: (id: string | null) => this.map?.setHighlight(id),
      renderRoot: this.renderRoot,
    };
  }

  private async setFilters(next: Filters): Promise<void> {
    this.filters = next;
    if (!this.clusters) return;
    try {
      await this.clusters.filter(next);
      this.scheduleView();
    } catch (error) {
      if (describe(error).code !== 'destroyed') this.report(describe(error), error);
    }
  }

  private readonly onType = (type: BranchType | null): void => {
    const types =
      type === null
        ? []
        : this.filters.types.includes(type)
          ? this.filters.types.filter((t) => t !== type)
          : [...this.filters.types, type];
    void this.setFilters({
      ...this.filters,
      types: types.length === this.siteTypes().length ? [] : types,
    });
  };

  private readonly onFlag = (flag: FlagFilter | 'fits'): void => {
    if (flag === 'fits')
      void this.setFilters({ ...this.filters, fits: this.filters.fits ? null : this.parcel() });
    else void this.setFilters({ ...this.filters, [flag]: !this.filters[flag] });
  };

  private goToPlace(place: PlaceHit): void {
    this.origin = { lon: place.lon, lat: place.lat };
    this.notice = null;
    this.map?.fitBox(place.bbox, PLACE_MAX_ZOOM);
    if (this.narrow) this.sheetOpen = true;
  }

  private goToBranch(branch: BranchSummary): void {
    this.origin = branch.location;
    this.map?.flyTo(branch.location.lon, branch.location.lat, BRANCH_ZOOM, this.sheetPadding());
    void this.activate(branch.id, true);
  }

  private readonly nearMe = (): void => {
    const t = this.t;
    if (!('geolocation' in navigator)) {
      this.showNotice(t.geoUnavailable);
      return;
    }
    this.showNotice(t.locating);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const here = { lon: position.coords.longitude, lat: position.coords.latitude };
        this.origin = here;
        this.notice = null;
        this.map?.flyTo(here.lon, here.lat, NEAR_ME_ZOOM);
        if (this.narrow) this.sheetOpen = true;
      },
      (error) => {
        this.showNotice(
          error.code === error.PERMISSION_DENIED
            ? t.geoDenied
            : error.code === error.TIMEOUT
              ? t.geoTimeout
              : t.geoUnavailable,
        );
      },
      { timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: 60_000 },
    );
  };

  private showNotice(text: string): void {
    this.notice = text;
    this.announcement = text;
  }

  private readonly showNearest = async (): Promise<void> => {
    if (!this.clusters || !this.map) return;
    const centre = this.map.centre();
    const { nearest } = await this.clusters.nearest(centre.lon, centre.lat);
    if (nearest) this.map.flyTo(nearest.lon, nearest.lat, Math.max(12, this.map.zoom()));
  };

  // ——— private: the card ———

  private async activate(id: string, byUser: boolean): Promise<Branch | undefined> {
    if (!this.client) return undefined;
    this.detailsAbort?.abort();
    const abort = (this.detailsAbort = new AbortController());
    if (!this.state.active) {
      this.sheetBeforeCard = this.sheetOpen;
      const from = (this.renderRoot as ShadowRoot).activeElement;
      this.cardOpener = byUser && from instanceof HTMLElement ? from : null;
    }
    this.store.getState().activate(id);
    this.map?.setActive(id);
    this.focusCardOnRender = byUser;
    if (this.narrow) this.sheetOpen = true;
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
    const options = this.options();
    if (!options?.from || !this.client) return;
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

  /** Room the sheet takes on a phone, so that the branch shows above it. */
  private sheetPadding(): { bottom?: number } | undefined {
    return this.narrow ? { bottom: this.getBoundingClientRect().height * 0.5 } : undefined;
  }

  private readonly closeCard = (): void => {
    const id = this.state.active?.id;
    this.detailsAbort?.abort();
    this.quoteAbort?.abort();
    this.store.getState().deactivate();
    this.map?.setActive(null);
    // Focus goes back to where the card came from: the marker or the search box if still there,
    // else the branch's row (the list was re-rendered), else its marker.
    const opener = this.cardOpener;
    this.cardOpener = null;
    // On a phone the sheet goes back to what it showed before the card: the map, or the list.
    this.sheetOpen = this.sheetBeforeCard;
    void this.updateComplete.then(() => {
      if (opener?.isConnected) {
        opener.focus();
        return;
      }
      const selector = id ? `[data-branch-id="${CSS.escape(id)}"]` : null;
      const back = selector
        ? (this.renderRoot.querySelector<HTMLElement>(`.row${selector}`) ??
          this.renderRoot.querySelector<HTMLElement>(`.bp-branch${selector}`))
        : null;
      back?.focus();
    });
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
    if (this.client && !this.options()?.noRemember) {
      const entry = {
        id: branch.id,
        name: branch.name,
        address: branch.address.full,
        at: Date.now(),
      };
      remember(this.client.base, entry);
    }
    this.dispatchEvent(
      new CustomEvent<BranchSelection>(SELECT_EVENT, {
        detail: toSelection(branch, quote),
        bubbles: true,
        composed: true,
      }),
    );
    if (this.isModal()) this.close();
  };

  private readonly retry = (): void => {
    this.teardown();
    void this.start();
  };

  private readonly retryDetails = (): void => {
    const id = this.state.active?.id;
    if (id) void this.activate(id, true);
  };

  private readonly retryQuote = (): void => {
    const branch = this.state.active?.branch;
    if (branch) void this.loadQuote(branch);
  };

  private readonly onSystemTheme = (event: MediaQueryListEvent): void => {
    this.systemDark = event.matches;
  };

  /** Escape closes the innermost thing open: suggestions (handled by search), the card, the dialog. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (this.state.active) {
        event.stopPropagation();
        this.closeCard();
      } else if (this.isModal() && this.isOpen) {
        event.stopPropagation();
        this.close();
      }
      return;
    }
    if (event.key === 'Tab' && this.isModal() && this.isOpen) this.trapFocus(event);
  };

  /** Keeps Tab inside the dialog: from the last stop to the first, and back. */
  private trapFocus(event: KeyboardEvent): void {
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    if (!frame) return;
    const stops = [...frame.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    if (!stops.length) return;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const first = stops[0]!;
    const last = stops[stops.length - 1]!;
    if (event.shiftKey && (active === first || !frame.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !frame.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  private readonly chooseRemembered = async (): Promise<void> => {
    const r = this.remembered;
    if (!r) return;
    const branch = await this.activate(r.id, true);
    if (branch) {
      this.map?.flyTo(branch.location.lon, branch.location.lat, BRANCH_ZOOM, this.sheetPadding());
      this.choose();
    }
  };

  private readonly showRemembered = async (): Promise<void> => {
    const r = this.remembered;
    if (!r) return;
    const branch = await this.activate(r.id, true);
    if (branch)
      this.map?.flyTo(branch.location.lon, branch.location.lat, BRANCH_ZOOM, this.sheetPadding());
  };

  // ——— public ———

  /**
   * Shows a branch as chosen: centres the map on it and opens its card. Fires no `branch-select`
   * (that event means the buyer chose). Resolves when the card has its details; called before the
   * map is ready, it shows the branch as soon as the map is.
   */
  async select(id: string): Promise<void> {
    if (!this.map) {
      this.pendingSelect = id;
      return;
    }
    const branch = await this.activate(id, false);
    if (!branch) return;
    this.store.getState().choose(branch.id);
    this.map?.setChosen(branch.id);
    this.map?.flyTo(branch.location.lon, branch.location.lat, BRANCH_ZOOM, this.sheetPadding());
  }

  /** In modal mode: shows the dialog (starting the map the first time) and moves focus into it. */
  open(): void {
    if (!this.isModal() || this.isOpen) return;
    const active = document.activeElement;
    this.returnFocus = active instanceof HTMLElement ? active : null;
    this.isOpen = true;
    void this.updateComplete.then(() => {
      if (!this.started) void this.start();
      else this.map?.resize();
      this.renderRoot
        .querySelector<HTMLElement>(this.noSearch ? '.dialog-close' : '#bp-search')
        ?.focus();
    });
  }

  /** In modal mode: hides the dialog, gives focus back to where it was, fires `branch-picker-close`. */
  close(): void {
    if (!this.isModal() || !this.isOpen) return;
    this.isOpen = false;
    this.returnFocus?.focus();
    this.returnFocus = null;
    this.dispatchEvent(new CustomEvent(CLOSE_EVENT, { bubbles: true, composed: true }));
  }

  /** Frees the map, the worker, listeners and requests. The element stays in the page, empty. */
  destroy(): void {
    this.destroyed = true;
    this.teardown();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.resizeObserver?.disconnect();
    this.darkQuery?.removeEventListener('change', this.onSystemTheme);
  }

  // ——— render ———

  private renderToolbar(t: Catalog, options: PickerOptions | null) {
    const ready = this.state.status === 'ready';
    return html`<div class="toolbar" part="toolbar">
      <div class="search-row">
        ${options?.noSearch ? nothing : this.search.render(t)}
        ${
          options?.noGeolocation
            ? nothing
            : html`<button
                type="button"
                class="icon-button near-me"
                part="near-me"
                aria-label=${t.nearMe}
                title=${t.nearMe}
                ?disabled=${!ready}
                @click=${this.nearMe}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <circle cx="12" cy="12" r="3.2" />
                  <path d="M12 2v3M12 19v3M2 12h3M19 12h3" />
                  <circle cx="12" cy="12" r="7" fill="none" />
                </svg>
              </button>`
        }
        ${
          this.isModal()
            ? html`<button
                type="button"
                class="icon-button dialog-close"
                part="dialog-close"
                aria-label=${t.close}
                @click=${() => this.close()}
              >
                ×
              </button>`
            : nothing
        }
      </div>
      ${renderFilters({
        t,
        filters: this.filters,
        types: this.siteTypes(),
        byType: this.byType,
        canFit: this.parcel() !== null,
        expanded: this.filtersOpen,
        onToggle: () => (this.filtersOpen = !this.filtersOpen),
        onType: this.onType,
        onFlag: this.onFlag,
      })}
    </div>`;
  }

  private renderListPane(t: Catalog) {
    const s = this.state;
    const remembered =
      this.remembered && this.state.chosenId !== this.remembered.id ? this.remembered : null;
    return html`${
      remembered
        ? html`<div class="remembered" part="remembered">
            <span>${fill(t.lastChoice, { name: remembered.name })}</span>
            <span class="remembered-actions">
              <button type="button" class="secondary small" @click=${this.showRemembered}>
                ${t.show}
              </button>
              <button type="button" class="primary small" @click=${this.chooseRemembered}>
                ${t.chooseAgain}
              </button>
            </span>
          </div>`
        : nothing
    }
    ${this.notice ? html`<p class="notice" part="notice">${this.notice}</p>` : nothing}
    ${
      s.status === 'ready' && s.inView !== null
        ? s.inView === 0
          ? html`<div class="empty" part="empty">
              <p>${t.noneInView}</p>
              <button type="button" class="secondary" @click=${this.showNearest}>
                ${t.showNearest}
              </button>
            </div>`
          : html`<p class="list-summary" aria-hidden="true">
                ${fill(t.listSummary, { count: countOf(t, s.inView, t.branches) })}
              </p>
              ${this.list.render(t)}
              ${
                s.inView > LIST_LIMIT
                  ? html`<p class="list-note muted">
                      ${fill(t.listCut, {
                        shown: formatNumber(t, LIST_LIMIT),
                        count: formatNumber(t, s.inView),
                      })}
                    </p>`
                  : nothing
              }`
        : nothing
    }`;
  }

  private loadCardModule(): void {
    this.cardLoading ??= import('./ui/card').then(
      (module) => {
        this.cardModule = module;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.cardLoading = undefined;
        this.report(describe(error), error);
      },
    );
  }

  private renderCardFor(t: Catalog) {
    const active = this.state.active;
    if (!active) return nothing;
    if (!this.cardModule) {
      this.loadCardModule();
      return html`<section class="card" part="card" aria-busy="true">
        <p class="card-body muted">${t.detailsLoading}</p>
      </section>`;
    }
    return this.cardModule.renderCard({
      t,
      active,
      chosen: isActiveChosen(this.state),
      parcel: this.parcel(),
      now: Date.now(),
      onClose: this.closeCard,
      onChoose: this.choose,
      onRetryDetails: this.retryDetails,
      onRetryQuote: this.retryQuote,
    });
  }

  override render() {
    const t = this.t;
    const s = this.state;
    const options = this.options();
    let dark = false;
    try {
      dark = this.isDark(parseOption('theme', this.theme));
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
    }
    const modal = this.isModal();
    const showList = !(options?.noList ?? false);
    const panel = html`${this.renderToolbar(t, options)}
      <div class="pane" part="pane">
        ${s.active ? this.renderCardFor(t) : showList ? this.renderListPane(t) : nothing}
      </div>`;
    const classes = [
      'base',
      dark ? 'dark' : 'light',
      this.narrow ? 'narrow' : 'wide',
      modal ? 'modal' : 'inline',
      this.sheetOpen || s.active ? 'sheet-open' : '',
      showList || s.active ? 'has-pane' : 'no-pane',
    ].join(' ');
    return html`<div
      part="base"
      class=${classes}
      lang=${this.readLang()}
      ?hidden=${modal && !this.isOpen}
      @keydown=${this.onKeyDown}
    >
      ${modal ? html`<div class="backdrop" @click=${() => this.close()}></div>` : nothing}
      <div
        class="frame"
        part="frame"
        role=${modal ? 'dialog' : nothing}
        aria-modal=${modal ? 'true' : nothing}
        aria-label=${modal ? t.dialogLabel : nothing}
      >
        <div class="panel" part="panel">${panel}</div>
        <div class="stage">
          <div class="map" part="map"></div>
          ${
            s.status === 'ready' && s.inView !== null
              ? html`<div class="count" part="count" aria-hidden="true">${this.countText()}</div>`
              : nothing
          }
          ${
            this.narrow && showList && !s.active
              ? html`<button
                  type="button"
                  class="sheet-toggle"
                  part="sheet-toggle"
                  aria-expanded=${this.sheetOpen ? 'true' : 'false'}
                  @click=${() => (this.sheetOpen = !this.sheetOpen)}
                >
                  ${this.sheetOpen ? t.showMap : s.inView !== null ? `${t.showList} · ${formatNumber(t, s.inView)}` : t.showList}
                </button>`
              : nothing
          }
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
        </div>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
