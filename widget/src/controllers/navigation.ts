/**
 * Getting somewhere on the map: a searched town, a searched branch, "near me", the nearest branch
 * when the view is empty, and one way of showing a branch (at street zoom, clear of the phone's
 * toolbar and sheet).
 */
import type { ReactiveController } from 'lit';
import type { LonLat } from '#core/geo';
import type { BranchSummary, PlaceHit } from '../api/api-client';
import { reportError } from '../errors';
import type { Catalog } from '../i18n';
import type { PickerStore } from '../state/store';
import type { Announcer } from './announcer';
import type { LayoutController } from './layout';
import type { MapView } from './map-view';
import type { PickerSession } from './session';
import type { PickerHost } from './host';

/** Zoom the map goes to when it shows one branch. */
export const BRANCH_ZOOM = 14;
/** A town fills the view, but never closer than this. */
const PLACE_MAX_ZOOM = 13;
/** A row opened from the list: at least this close, but never zoomed out. */
const ROW_ZOOM = 11;
/** Zoom for "near me": the streets around the buyer. */
const NEAR_ME_ZOOM = 13;
/** "Show the nearest" keeps the buyer's zoom, but at least this. */
const NEAREST_MIN_ZOOM = 12;
/** How long "near me" waits for a position, and how old a position it takes. */
const GEOLOCATION_TIMEOUT_MS = 10_000;
const GEOLOCATION_MAX_AGE_MS = 60_000;

export interface NavigationOptions {
  store: PickerStore;
  session: PickerSession;
  layout: LayoutController;
  view: MapView;
  announcer: Announcer;
  t(): Catalog;
  /** Opens a branch's card (the buyer asked for it). */
  openBranch(id: string): void;
}

export class Navigation implements ReactiveController {
  private readonly host: PickerHost;
  private readonly o: NavigationOptions;
  /** Bumped on disconnect: a position that arrives later for an old run is ignored. */
  private generation = 0;

  constructor(host: PickerHost, options: NavigationOptions) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.generation++;
  }

  /** Centres a branch at street zoom, clear of what covers the map on a phone. */
  showBranch(location: LonLat, zoom = BRANCH_ZOOM): void {
    this.o.session.map?.flyTo(location.lon, location.lat, zoom, this.o.layout.mapPadding());
  }

  /** A row of the list: a branch already in view, so the buyer's zoom stays and neighbours with it. */
  openRow(row: LonLat & { id: string }): void {
    this.showBranch(row, Math.max(ROW_ZOOM, this.o.session.map?.zoom() ?? 0));
    this.o.openBranch(row.id);
  }

  /** A town from the search: all its branches in view, the list sorted from its centre. */
  goToPlace(place: PlaceHit): void {
    this.goTo({ lon: place.lon, lat: place.lat });
    this.o.session.map?.fitBox(place.bbox, PLACE_MAX_ZOOM);
  }

  /** A branch from the search: shown, and its card opened. */
  goToBranch(branch: BranchSummary): void {
    this.o.view.origin = branch.location;
    this.showBranch(branch.location);
    this.o.openBranch(branch.id);
  }

  /** The buyer's own position, with a message for each way it can fail. */
  readonly nearMe = (): void => {
    const t = this.o.t();
    if (!('geolocation' in navigator)) {
      this.notice(t.geoUnavailable);
      return;
    }
    this.notice(t.locating);
    const generation = this.generation;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (generation !== this.generation) return;
        const here = { lon: position.coords.longitude, lat: position.coords.latitude };
        this.goTo(here);
        this.o.session.map?.flyTo(here.lon, here.lat, NEAR_ME_ZOOM);
      },
      (error) => {
        if (generation !== this.generation) return;
        this.notice(
          error.code === error.PERMISSION_DENIED
            ? t.geoDenied
            : error.code === error.TIMEOUT
              ? t.geoTimeout
              : t.geoUnavailable,
        );
      },
      { timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: GEOLOCATION_MAX_AGE_MS },
    );
  };

  /** No branch in view: moves to the nearest one that passes the filters. */
  readonly showNearest = async (): Promise<void> => {
    const { network, map } = this.o.session;
    if (!network || !map) return;
    try {
      const { nearest } = await network.nearest(map.centre().lon, map.centre().lat);
      if (nearest) map.flyTo(nearest.lon, nearest.lat, Math.max(NEAREST_MIN_ZOOM, map.zoom()));
    } catch (error) {
      reportError(this.host, error);
    }
  };

  /** The list sorts from here now; on a phone the list comes up. */
  private goTo(point: LonLat): void {
    this.o.view.origin = point;
    this.o.store.getState().setNotice(null);
    if (this.o.layout.narrow) this.o.layout.setSheet(true);
  }

  private notice(text: string): void {
    this.o.store.getState().setNotice(text);
    this.o.announcer.say(text);
  }
}
