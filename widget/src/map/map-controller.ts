/**
 * The map, behind one small interface: MapLibre lives only here, loaded lazily (this module is its
 * own chunk), so the widget's first script stays small. The element tells it what to show; it
 * tells the element what the buyer did. `render()` of the element never touches the map.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  prewarm,
  setWorkerUrl,
  type LngLatBoundsLike,
  type StyleSpecification,
} from 'maplibre-gl';
import { unsafeCSS } from 'lit';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { BBox } from '#core/geo';
import { PickerError } from '../errors';
import type { MapFeature } from '../network/cluster-index';
import { addStyles } from '../util/adopt-styles';
import { MarkerLayer, type MarkerLayerOptions } from './marker-layer';

// Production builds need MapLibre's worker URL set once; the worker may be cross-origin, which
// MapLibre itself handles by importing it from a same-origin blob.
setWorkerUrl(new URL(maplibreWorkerUrl, import.meta.url).href);
// Start MapLibre's workers now, while the style downloads and WebGL starts: it saves a few hundred
// milliseconds before the first tiles can be parsed.
prewarm();

export interface MapControllerOptions {
  container: HTMLElement;
  /** Shadow root the map lives in: MapLibre's stylesheet is adopted there, never into the page. */
  root: ShadowRoot;
  /** The style, its URLs already absolute (see resolve-style.ts); `styleUrl` names it in errors. */
  style: StyleSpecification;
  styleUrl: string;
  center: [number, number] | null;
  zoom: number | null;
  /** Shown when there is no centre. */
  bounds: [[number, number], [number, number]];
  /** Accessible names for MapLibre's own controls. */
  locale: Record<string, string>;
  markers: Omit<MarkerLayerOptions, 'project' | 'viewport'>;
  /** Called on every camera change (each animation frame while the map moves). */
  onMove(): void;
}

/** Thrown when MapLibre fails to draw the map at all (WebGL missing, the style broken). */
export class MapLoadError extends PickerError {
  constructor(url: string, cause: unknown) {
    super('map-load', `The map could not be drawn with the style ${url}`, { cause });
    this.name = 'MapLoadError';
  }
}

/** Zoom when only a centre is given: a town's streets. */
const DEFAULT_CENTRE_ZOOM = 12;
const MIN_ZOOM = 1;
const MAX_ZOOM = 18;

/** MapLibre's own stylesheet, under ours: the picker's rules override it. */
const MAPLIBRE_STYLES = unsafeCSS(maplibreCss);

export class MapController {
  private readonly map: MapLibreMap;
  private readonly markers: MarkerLayer;
  private readonly options: MapControllerOptions;
  private destroyed = false;

  private constructor(map: MapLibreMap, options: MapControllerOptions) {
    this.map = map;
    this.options = options;
    this.markers = new MarkerLayer({
      ...options.markers,
      project: (lon, lat) => this.project(lon, lat),
      viewport: () => ({
        width: map.getContainer().clientWidth,
        height: map.getContainer().clientHeight,
      }),
    });
    map.getCanvasContainer().append(this.markers.element);
    map.on('move', this.onMove);
    map.on('resize', this.onMove);
  }

  /** Loads the style, creates the map and resolves once it has drawn its first frame. */
  static async create(options: MapControllerOptions, signal: AbortSignal): Promise<MapController> {
    // Stopped before it began (removed while its code loaded): no map at all.
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    addStyles(options.root, MAPLIBRE_STYLES, 'before');
    const { style } = options;
    const view = options.center
      ? { center: options.center, zoom: options.zoom ?? DEFAULT_CENTRE_ZOOM }
      : options.zoom !== null
        ? { center: [95, 62] as [number, number], zoom: options.zoom }
        : { bounds: options.bounds as LngLatBoundsLike, fitBoundsOptions: { padding: 16 } };
    const map = new MapLibreMap({
      container: options.container,
      style,
      ...view,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      // A picker is read from above: rotation and tilt only confuse.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: { compact: true },
      locale: options.locale,
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const controller = new MapController(map, options);
    let onAbort = (): void => controller.destroy();
    try {
      await new Promise<void>((resolve, reject) => {
        // Stopped while loading: the map goes, and so does this wait (a removed map never loads).
        onAbort = () => {
          controller.destroy();
          reject(new DOMException('aborted', 'AbortError'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        if (map.loaded()) return resolve();
        map.once('load', () => resolve());
        map.once('error', (e) => reject(new MapLoadError(options.styleUrl, e.error)));
      });
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    // MapLibre opens the compact attribution until the first drag; on a phone it would cover the
    // sheet's button. Folded, it is one (i) away.
    const attribution = options.container.querySelector('.maplibregl-ctrl-attrib');
    attribution?.classList.remove('maplibregl-compact-show');
    attribution?.removeAttribute('open');
    return controller;
  }

  /** The visible box `[west, south, east, north]`; west may be below -180 when the view crosses it. */
  bounds(): BBox {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  zoom(): number {
    return this.map.getZoom();
  }

  setFeatures(features: readonly MapFeature[]): void {
    this.markers.setFeatures(features);
  }

  setActive(id: string | null): void {
    this.markers.setActive(id);
  }

  setChosen(id: string | null): void {
    this.markers.setChosen(id);
  }

  setHighlight(id: string | null): void {
    this.markers.setHighlight(id);
  }

  /** The map's centre. */
  centre(): { lon: number; lat: number } {
    const c = this.map.getCenter();
    return { lon: c.lng, lat: c.lat };
  }

  /** Shows a box (a town's branches), not closer than `maxZoom`. */
  fitBox([w, s, e, n]: [number, number, number, number], maxZoom: number): void {
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    this.map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 40, maxZoom, duration: reduce ? 0 : 450 },
    );
  }

  /**
   * Moves the camera; instant when the visitor prefers reduced motion. `padding` keeps the point
   * clear of what covers the map (the card), in CSS pixels from each edge.
   */
  flyTo(
    lon: number,
    lat: number,
    zoom: number,
    padding?: { top?: number; left?: number; bottom?: number },
  ): void {
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const target = {
      center: [lon, lat] as [number, number],
      zoom: Math.min(zoom, MAX_ZOOM),
      padding: {
        top: padding?.top ?? 0,
        right: 0,
        left: padding?.left ?? 0,
        bottom: padding?.bottom ?? 0,
      },
    };
    if (reduce) this.map.jumpTo(target);
    else this.map.easeTo({ ...target, duration: 450 });
  }

  /** Resolves when the map has nothing left to load or draw. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.map.isMoving() && this.map.areTilesLoaded() && this.map.loaded()) return resolve();
      this.map.once('idle', () => resolve());
    });
  }

  /** Keeps the canvas the size of its container (after the host resizes the element). */
  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.map.off('move', this.onMove);
    this.map.off('resize', this.onMove);
    this.markers.destroy();
    this.map.remove();
  }

  private readonly onMove = (): void => {
    this.markers.reposition();
    this.options.onMove();
  };

  /** Projects onto the world copy nearest the centre, so markers across the antimeridian show. */
  private project(lon: number, lat: number): { x: number; y: number } {
    const centre = this.map.getCenter().lng;
    const wrapped = lon + 360 * Math.round((centre - lon) / 360);
    const p = this.map.project([wrapped, lat]);
    return { x: p.x, y: p.y };
  }
}
