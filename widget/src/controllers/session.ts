/**
 * One run of the picker: the API client, the network worker and the map, started together,
 * torn down together. It starts when the element is in the page, has rendered and should show (a
 * dialog only once opened); it starts again when what it was built from changes (the proxy, the
 * language, the types, the map style) or when a wrong option is put right; it stops when the element
 * leaves the page. Everything else the picker holds lives in the other controllers.
 */
import type { ReactiveController } from 'lit';
import { ApiClient } from '../api/api-client';
import { reportError } from '../errors';
import { READY_EVENT, type ReadyDetail } from '../events';
import { catalog, countOf, fill, formatBadge } from '../i18n';
import type { MapController } from '../map/map-controller';
import type { MarkerLayerOptions } from '../map/marker-layer';
import { loadStyle } from '../map/resolve-style';
import { NetworkClient } from '../network/network-client';
import { NO_FILTERS } from '../network/protocol';
import {
  RUSSIA_BOUNDS,
  RUSSIA_WEST_BOUNDS,
  styleUrlFor,
  type PickerOptions,
  type ResolvedOptions,
} from '../options';
import type { PickerStore } from '../state/store';
import type { PickerHost } from './host';

/** Below this width the map first shows European Russia rather than the whole country. */
const NARROW_MAP_PX = 560;

export interface SessionOptions {
  store: PickerStore;
  resolved(): ResolvedOptions;
  /** Whether the picker is drawn dark now. */
  dark(): boolean;
  /** What the session is built from; a change starts it again. */
  key(): string;
  /** Whether the picker should show (an inline picker always; a dialog once opened). */
  visible(): boolean;
  /** Whether the picker has the phone layout (the map is resized when that changes). */
  narrow(): boolean;
  /** What the buyer does on the map's markers. */
  markers: Pick<MarkerLayerOptions, 'onCluster' | 'onBranch' | 'onHover'>;
  /** Every camera change (each frame while the map moves). */
  onMove(): void;
  /** The client exists; nothing is loaded yet. */
  onStart(client: ApiClient, options: PickerOptions): void;
  /** The network and the map are ready. */
  onReady(options: PickerOptions): void;
  /** Everything was torn down: what depended on this run lets go of it. */
  onStop(): void;
}

export class PickerSession implements ReactiveController {
  client: ApiClient | undefined;
  network: NetworkClient | undefined;
  map: MapController | undefined;
  private readonly host: PickerHost;
  private readonly o: SessionOptions;
  private abort: AbortController | undefined;
  /** Started, successfully or not: a failed run counts, so that a changed option starts it again. */
  private started = false;
  private destroyed = false;
  private startedKey = '';
  private lastNarrow = false;
  private lastVisible = false;

  constructor(host: PickerHost, options: SessionOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Re-attached after a move in the DOM (single-page shops do this): start again.
    if (this.host.hasUpdated) this.startIfWanted();
  }

  hostUpdated(): void {
    this.startIfWanted();
    const narrow = this.o.narrow();
    const visible = this.o.visible();
    if (this.map && (narrow !== this.lastNarrow || (visible && !this.lastVisible)))
      this.map.resize();
    this.lastNarrow = narrow;
    this.lastVisible = visible;
  }

  hostDisconnected(): void {
    this.teardown();
  }

  /** Starts again when what the run was built from has changed; says whether it did. */
  restartIfChanged(): boolean {
    if (!this.started || this.o.key() === this.startedKey) return false;
    this.restart();
    return true;
  }

  /** Tears down and starts from scratch (the *retry* button, a changed option). */
  restart(): void {
    this.teardown();
    this.startIfWanted();
  }

  /** Frees everything for good; the element stays in the page, empty. */
  destroy(): void {
    this.destroyed = true;
    this.teardown();
  }

  private startIfWanted(): void {
    if (!this.started && !this.destroyed && this.host.isConnected && this.o.visible())
      void this.start();
  }

  private async start(): Promise<void> {
    this.started = true;
    this.startedKey = this.o.key();
    const abort = (this.abort = new AbortController());
    const { signal } = abort;
    const { store } = this.o;
    store.getState().loading();
    const resolved = this.o.resolved();
    if (resolved.errors.length) {
      this.fail(resolved.errors[0]);
      return;
    }
    const { options } = resolved;
    const client = (this.client = new ApiClient(options.api, () => import('ky')));
    const network = (this.network = new NetworkClient());
    this.o.onStart(client, options);

    // The network, the style and MapLibre's code all download at once.
    const filters = store.getState().filters;
    const loaded = network.load(client.base, options.types).then(async (result) => {
      // Filters the buyer set before a restart (a new language) stay.
      if (filters !== NO_FILTERS) await network.filter(filters);
      return result;
    });
    const styleUrl = styleUrlFor({ ...options, api: client.base }, this.o.dark());
    const style = loadStyle(styleUrl, signal);
    // Awaited once MapLibre has loaded; until then a failure must not count as unhandled.
    style.catch(() => undefined);
    const mapReady = this.createMap(options, styleUrl, style, signal);

    try {
      const [{ count }, map] = await Promise.all([loaded, mapReady]);
      if (signal.aborted) return;
      this.map = map;
      store.getState().loaded();
      this.o.onReady(options);
      await map.whenIdle();
      if (signal.aborted) return;
      this.host.dispatchEvent(
        new CustomEvent<ReadyDetail>(READY_EVENT, {
          detail: { branches: count },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      if (!signal.aborted) this.fail(error);
    }
  }

  private async createMap(
    options: PickerOptions,
    styleUrl: string,
    style: ReturnType<typeof loadStyle>,
    signal: AbortSignal,
  ): Promise<MapController> {
    const { MapController } = await import('../map/map-controller');
    const t = catalog(options.lang);
    const container = this.host.renderRoot.querySelector<HTMLElement>('.map')!;
    const map = await MapController.create(
      {
        container,
        root: this.host.renderRoot as ShadowRoot,
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
          ...this.o.markers,
          groupLabel: t.mapLabel,
          clusterBadge: (count) => formatBadge(t, count),
          clusterLabel: (count) =>
            fill(t.clusterLabel, { count: countOf(t, count, t.branches, formatBadge(t, count)) }),
          branchLabel: (f) => fill(t.branchLabel, { type: t.typeName[f.type], code: f.id }),
        },
        onMove: () => this.o.onMove(),
      },
      signal,
    );
    // The network may have failed while the map loaded: then nobody will use this map.
    if (signal.aborted) {
      map.destroy();
      throw new DOMException('aborted', 'AbortError');
    }
    return map;
  }

  private teardown(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.map?.destroy();
    this.map = undefined;
    this.network?.destroy();
    this.network = undefined;
    this.client = undefined;
    this.started = false;
    this.o.onStop();
  }

  private fail(error: unknown): void {
    // Keep nothing half-alive: a retry starts from scratch. Still "started": a corrected option
    // starts the picker again as a changed one would.
    const key = this.startedKey;
    this.teardown();
    this.started = true;
    this.startedKey = key;
    this.o.store.getState().failed();
    reportError(this.host, error);
  }
}
