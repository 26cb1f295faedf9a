/**
 * Clusters and branches as real buttons over the map, rather than pixels in its canvas: each has a
 * name for screen readers, a 44-pixel tap target, a focus ring, and can be reached by keyboard.
 * The layer is one tab stop; arrow keys move to the nearest marker in that direction (a roving
 * tabindex), Enter or Space activates. There are at most a few hundred markers in any view, since
 * clusters are 60 px apart.
 */
import type { MapFeature } from '../network/cluster-index';

export interface MarkerLayerOptions {
  /** Screen position of a coordinate, in CSS pixels relative to the map container. */
  project(lon: number, lat: number): { x: number; y: number };
  /** Size of the map in CSS pixels. */
  viewport(): { width: number; height: number };
  /** The count as the badge shows it: `3 194`, `29 тыс.`. */
  clusterBadge(count: number): string;
  /** The cluster's accessible name; it contains the badge's text. */
  clusterLabel(count: number): string;
  branchLabel(feature: Extract<MapFeature, { kind: 'branch' }>): string;
  groupLabel: string;
  onCluster(feature: Extract<MapFeature, { kind: 'cluster' }>): void;
  onBranch(feature: Extract<MapFeature, { kind: 'branch' }>): void;
  /** A branch marker under the pointer or focused (null when neither). */
  onHover?(id: string | null): void;
}

interface Marker {
  el: HTMLButtonElement;
  feature: MapFeature;
  x: number;
  y: number;
}

const keyOf = (f: MapFeature): string => (f.kind === 'cluster' ? `c${f.id}` : `b${f.id}`);

/** Badge diameter grows with the log of the count, 34 to 56 px. */
const clusterSize = (count: number): number => Math.round(Math.min(56, 30 + 6 * Math.log10(count)));

const ARROWS: Readonly<Record<string, [number, number]>> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

export class MarkerLayer {
  readonly element: HTMLDivElement;
  private readonly markers = new Map<string, Marker>();
  private readonly options: MarkerLayerOptions;
  /** Key of the marker that holds the layer's one tab stop. */
  private tabKey: string | null = null;
  private activeId: string | null = null;
  private chosenId: string | null = null;
  private highlightId: string | null = null;

  constructor(options: MarkerLayerOptions) {
    this.options = options;
    this.element = document.createElement('div');
    this.element.className = 'bp-markers';
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', options.groupLabel);
    this.element.addEventListener('keydown', this.onKeyDown);
    this.element.addEventListener('click', this.onClick);
    this.element.addEventListener('pointerover', this.onOver);
    this.element.addEventListener('pointerout', this.onOut);
    this.element.addEventListener('focusin', this.onOver);
    this.element.addEventListener('focusout', this.onOut);
  }

  private readonly onOver = (event: Event): void => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('.bp-branch')?.dataset.branchId;
    if (id) this.options.onHover?.(id);
  };

  private readonly onOut = (event: Event): void => {
    if ((event.target as HTMLElement).closest('.bp-branch')) this.options.onHover?.(null);
  };

  /** Marks the branch highlighted from the list. */
  setHighlight(id: string | null): void {
    this.highlightId = id;
    for (const m of this.markers.values()) this.decorate(m);
  }

  /** Replaces the markers with these features, reusing the elements that stay. */
  setFeatures(features: readonly MapFeature[]): void {
    const hadFocus = this.focusedMarker();
    const focusPoint = hadFocus ? { x: hadFocus.x, y: hadFocus.y } : null;
    const next = new Set<string>();
    for (const feature of features) {
      const key = keyOf(feature);
      next.add(key);
      const existing = this.markers.get(key);
      if (existing) {
        existing.feature = feature;
        continue;
      }
      const el = this.createElement(feature, key);
      this.markers.set(key, { el, feature, x: 0, y: 0 });
      this.element.append(el);
    }
    for (const [key, marker] of this.markers) {
      if (!next.has(key)) {
        marker.el.remove();
        this.markers.delete(key);
      }
    }
    this.reposition();
    if (!this.tabKey || !this.markers.has(this.tabKey)) {
      // The tab stop moves to the marker nearest where focus was, or nearest the centre.
      const target = focusPoint ?? this.centre();
      this.tabKey = this.nearest(target)?.el.dataset.key ?? null;
    }
    this.updateTabStops();
    // A keyboard user whose marker just vanished (its cluster split) keeps focus in the layer.
    if (hadFocus && !hadFocus.el.isConnected) this.focusKey(this.tabKey);
  }

  /** Moves every marker to its coordinate's current screen position; called on each map frame. */
  reposition(): void {
    for (const marker of this.markers.values()) {
      const { x, y } = this.options.project(marker.feature.lon, marker.feature.lat);
      marker.x = x;
      marker.y = y;
      marker.el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -50%)`;
    }
  }

  /** Marks the branch whose card is open. */
  setActive(id: string | null): void {
    this.activeId = id;
    for (const m of this.markers.values()) this.decorate(m);
  }

  /** Marks the branch the buyer chose. */
  setChosen(id: string | null): void {
    this.chosenId = id;
    for (const m of this.markers.values()) this.decorate(m);
  }

  destroy(): void {
    this.element.removeEventListener('keydown', this.onKeyDown);
    this.element.removeEventListener('click', this.onClick);
    this.element.removeEventListener('pointerover', this.onOver);
    this.element.removeEventListener('pointerout', this.onOut);
    this.element.removeEventListener('focusin', this.onOver);
    this.element.removeEventListener('focusout', this.onOut);
    this.element.remove();
    this.markers.clear();
  }

  private createElement(feature: MapFeature, key: string): HTMLButtonElement {
    const el = document.createElement('button');
    el.type = 'button';
    el.dataset.key = key;
    el.tabIndex = -1;
    if (feature.kind === 'cluster') {
      const size = clusterSize(feature.count);
      el.className = 'bp-marker bp-cluster';
      el.style.setProperty('--size', `${size}px`);
      // The label holds the badge's text as shown, so that voice control finds it by what it says.
      el.textContent = this.options.clusterBadge(feature.count);
      el.setAttribute('aria-label', this.options.clusterLabel(feature.count));
    } else {
      el.className = `bp-marker bp-branch bp-${feature.type}`;
      el.dataset.branchId = feature.id;
      el.setAttribute('aria-label', this.options.branchLabel(feature));
      const dot = document.createElement('span');
      dot.className = 'bp-dot';
      dot.setAttribute('aria-hidden', 'true');
      el.append(dot);
      this.decorate({ el, feature, x: 0, y: 0 });
    }
    return el;
  }

  private decorate(marker: Marker): void {
    if (marker.feature.kind !== 'branch') return;
    const id = marker.feature.id;
    marker.el.classList.toggle('bp-active', id === this.activeId);
    marker.el.classList.toggle('bp-chosen', id === this.chosenId);
    marker.el.classList.toggle('bp-highlight', id === this.highlightId);
    if (id === this.activeId) marker.el.setAttribute('aria-current', 'true');
    else marker.el.removeAttribute('aria-current');
  }

  private readonly onClick = (event: MouseEvent): void => {
    const el = (event.target as HTMLElement).closest<HTMLButtonElement>('.bp-marker');
    const marker = el ? this.markers.get(el.dataset.key!) : undefined;
    if (!marker) return;
    event.stopPropagation();
    this.tabKey = el!.dataset.key!;
    this.updateTabStops();
    if (marker.feature.kind === 'cluster') this.options.onCluster(marker.feature);
    else this.options.onBranch(marker.feature);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const from = this.focusedMarker();
    if (!from) return;
    let target: Marker | undefined;
    const arrow = ARROWS[event.key];
    if (arrow) target = this.nextInDirection(from, arrow);
    else if (event.key === 'Home' || event.key === 'End') {
      const ordered = [...this.markers.values()].sort((a, b) => a.y - b.y || a.x - b.x);
      target = event.key === 'Home' ? ordered[0] : ordered[ordered.length - 1];
    } else return;
    // Arrows belong to the markers here; the map would otherwise pan.
    event.preventDefault();
    event.stopPropagation();
    if (target) this.focusKey(target.el.dataset.key!);
  };

  private nextInDirection(from: Marker, [dx, dy]: [number, number]): Marker | undefined {
    let best: Marker | undefined;
    let bestScore = Infinity;
    for (const m of this.markers.values()) {
      if (m === from) continue;
      const along = (m.x - from.x) * dx + (m.y - from.y) * dy;
      if (along <= 0) continue;
      const across = Math.abs((m.x - from.x) * dy) + Math.abs((m.y - from.y) * dx);
      // Prefer markers straight ahead over nearer ones off to the side.
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = m;
      }
    }
    return best;
  }

  private focusKey(key: string | null): void {
    if (!key) return;
    const marker = this.markers.get(key);
    if (!marker) return;
    this.tabKey = key;
    this.updateTabStops();
    marker.el.focus({ preventScroll: true });
  }

  private updateTabStops(): void {
    for (const [key, m] of this.markers) m.el.tabIndex = key === this.tabKey ? 0 : -1;
  }

  private focusedMarker(): Marker | undefined {
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement as HTMLElement | null;
    const key = active?.dataset?.key;
    return key ? this.markers.get(key) : undefined;
  }

  private centre(): { x: number; y: number } {
    const { width, height } = this.options.viewport();
    return { x: width / 2, y: height / 2 };
  }

  private nearest(point: { x: number; y: number }): Marker | undefined {
    let best: Marker | undefined;
    let bestDist = Infinity;
    for (const m of this.markers.values()) {
      const d = Math.hypot(m.x - point.x, m.y - point.y);
      if (d < bestDist) {
        bestDist = d;
        best = m;
      }
    }
    return best;
  }
}
