/**
 * What the map shows: after every camera change one question to the network worker (at most one in
 * flight, the latest view wins), whose answer feeds the markers, the list, the type chips and the
 * count together; the buyer's filters; clusters opening on click; the page's `center` and `zoom`.
 */
import type { ReactiveController } from 'lit';
import type { BranchType } from '#core/branch';
import { inBox, type LonLat } from '#core/geo';
import { reportError } from '../errors';
import { countOf, fill, type Catalog } from '../i18n';
import type { MapFeature } from '../network/cluster-index';
import type { Filters } from '../network/protocol';
import { parcelOf, siteTypes, type PickerOptions, type ResolvedOptions } from '../options';
import type { PickerStore } from '../state/store';
import type { FlagFilter } from '../ui/filters';
import type { ListController } from '../ui/list';
import type { Announcer } from './announcer';
import type { PickerSession } from './session';
import type { PickerHost } from './host';

/** Rows the list holds at most (the nearest ones); a virtualised list keeps thousands smooth. */
export const LIST_LIMIT = 2000;
/** Zoom when the page gives a centre but no zoom: a town's streets. */
const CENTRE_ZOOM = 12;

export interface MapViewOptions {
  store: PickerStore;
  session: PickerSession;
  list: ListController;
  announcer: Announcer;
  t(): Catalog;
  /** The options: whether the list is shown, the start view, the types, the parcel. */
  resolved(): ResolvedOptions;
}

export class MapView implements ReactiveController {
  /** Rows sort from here while it is in view (the searched place, the buyer), else from the centre. */
  origin: LonLat | null = null;
  private readonly host: PickerHost;
  private readonly o: MapViewOptions;
  private pending = false;
  private running = false;

  constructor(host: PickerHost, options: MapViewOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** The run ended: nothing is pending any more. */
  reset(): void {
    this.pending = false;
  }

  /** Asks the worker for the current view, now or as soon as the question in flight is answered. */
  readonly schedule = (): void => {
    this.pending = true;
    if (!this.running) void this.pump();
  };

  /** The text of the count: "На карте 1 234 пункта". */
  countText(): string {
    const t = this.o.t();
    const n = this.o.store.getState().inView;
    if (n === null) return '';
    return n === 0 ? t.noneInView : fill(t.inView, { count: countOf(t, n, t.branches) });
  }

  /** Zooms into a cluster until it falls apart. */
  async expandCluster(feature: Extract<MapFeature, { kind: 'cluster' }>): Promise<void> {
    const { network, map } = this.o.session;
    if (!network || !map) return;
    try {
      const { zoom } = await network.expansionZoom(feature.id);
      map.flyTo(feature.lon, feature.lat, Math.max(zoom, map.zoom() + 1));
    } catch (error) {
      reportError(this.host, error);
    }
  }

  /** Moves to the page's `center` and `zoom`, when it changes them after the start. */
  applyStartView(): void {
    const { center, zoom } = this.o.resolved().options;
    if (center) this.o.session.map?.flyTo(center[0], center[1], zoom ?? CENTRE_ZOOM);
  }

  /** At the start: moves on to a centre or zoom the page set while the map was loading. */
  catchUp(started: Pick<PickerOptions, 'center' | 'zoom'>): void {
    const { center, zoom } = this.o.resolved().options;
    if (String(center) !== String(started.center) || zoom !== started.zoom) this.applyStartView();
  }

  /** A type chip: one type on or off; `null` for all. All of them on is the same as none. */
  toggleType(type: BranchType | null): void {
    const filters = this.o.store.getState().filters;
    const types =
      type === null
        ? []
        : filters.types.includes(type)
          ? filters.types.filter((t) => t !== type)
          : [...filters.types, type];
    void this.setFilters({
      ...filters,
      types: types.length === siteTypes(this.o.resolved()).length ? [] : types,
    });
  }

  /** A need: open now, card, cash on delivery, weekends, or "fits my parcel". */
  toggleFlag(flag: FlagFilter | 'fits'): void {
    const filters = this.o.store.getState().filters;
    if (flag === 'fits')
      void this.setFilters({ ...filters, fits: filters.fits ? null : parcelOf(this.o.resolved()) });
    else void this.setFilters({ ...filters, [flag]: !filters[flag] });
  }

  /** The types on the map now: the buyer's pick within the site's. */
  activeTypes(): readonly BranchType[] {
    const picked = this.o.store.getState().filters.types;
    return picked.length ? picked : this.o.resolved().options.types;
  }

  private async setFilters(next: Filters): Promise<void> {
    this.o.store.getState().setFilters(next);
    const { network } = this.o.session;
    if (!network) return;
    try {
      await network.filter(next);
      this.schedule();
    } catch (error) {
      reportError(this.host, error);
    }
  }

  private async pump(): Promise<void> {
    this.running = true;
    try {
      let { map, network } = this.o.session;
      while (this.pending && map && network) {
        this.pending = false;
        const bounds = map.bounds();
        const origin = this.origin && inBox(this.origin, bounds) ? this.origin : map.centre();
        const result = await network.view(
          bounds,
          map.zoom(),
          origin,
          !this.o.resolved().options.noList ? LIST_LIMIT : 0,
        );
        if (map !== this.o.session.map) return;
        map.setFeatures(result.features);
        this.o.list.setRows(result.list);
        this.o.store.getState().viewChanged(result.inView, result.byType);
        this.o.announcer.settle(() => this.countText());
        ({ map, network } = this.o.session);
      }
    } catch (error) {
      reportError(this.host, error);
    } finally {
      this.running = false;
    }
  }
}
