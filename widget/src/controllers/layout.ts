/**
 * The picker's layout: narrow (a phone layout) by the element's own width, not the window's, so a
 * picker in a narrow checkout column gets the layout that fits it (after Lit's ResizeController);
 * the system colour scheme, live (after Spectrum's MatchMediaController); and the phone's sheet.
 */
import type { ReactiveController } from 'lit';
import { NARROW_PX, SHEET_FRACTION, TOOLBAR_CLEARANCE_PX } from '../styles/layout';
import type { PickerHost } from './host';

export class LayoutController implements ReactiveController {
  /** The phone layout: map, a bar on top, a sheet below. */
  narrow = false;
  /** The visitor's system prefers dark (for `theme="auto"`). */
  systemDark = false;
  /** On a phone, whether the sheet (list or card) is up. */
  sheetOpen = false;
  /** Whether the needs filters (open now, card, …) are unfolded. */
  filtersOpen = false;
  private readonly host: PickerHost;
  private resizeObserver: ResizeObserver | undefined;
  private darkQuery: MediaQueryList | undefined;
  /** What the sheet showed before a card opened, to go back to when it closes. */
  private sheetBeforeCard = false;

  private readonly listFirst: () => boolean;
  /** The phone layout has been shown: `phone-start` applied once, the buyer's choice after. */
  private narrowSeen = false;

  /** `listFirst`: on a phone, the list's sheet is up from the start (`phone-start="list"`). */
  constructor(host: PickerHost, listFirst: () => boolean = () => false) {
    this.host = host;
    this.listFirst = listFirst;
    host.addController(this);
  }

  hostConnected(): void {
    this.darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.systemDark = this.darkQuery?.matches ?? false;
    this.darkQuery?.addEventListener('change', this.onScheme);
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const narrow = (entry?.contentRect.width ?? 0) < NARROW_PX;
      if (narrow === this.narrow) return;
      this.narrow = narrow;
      if (narrow && !this.narrowSeen) {
        this.narrowSeen = true;
        this.sheetOpen = this.listFirst();
      }
      this.host.requestUpdate();
    });
    this.resizeObserver.observe(this.host);
  }

  hostDisconnected(): void {
    this.darkQuery?.removeEventListener('change', this.onScheme);
    this.darkQuery = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** Shows or hides the sheet (the phone's map/list switch). */
  setSheet(open: boolean): void {
    this.sheetOpen = open;
    this.host.requestUpdate();
  }

  /** Unfolds or folds the needs filters. */
  toggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
    this.host.requestUpdate();
  }

  /** A card opens: on a phone the sheet comes up, and remembers what it showed. */
  cardOpened(first: boolean): void {
    if (first) this.sheetBeforeCard = this.sheetOpen;
    if (this.narrow) this.setSheet(true);
  }

  /** The card closed: the sheet goes back to what it showed before, the map or the list. */
  cardClosed(): void {
    this.setSheet(this.sheetBeforeCard);
  }

  /** The room the toolbar and the sheet take over the map on a phone, so a branch shows between them. */
  mapPadding(): { top?: number; bottom?: number } | undefined {
    if (!this.narrow) return undefined;
    return {
      top: TOOLBAR_CLEARANCE_PX,
      bottom: this.host.getBoundingClientRect().height * SHEET_FRACTION,
    };
  }

  private readonly onScheme = (event: MediaQueryListEvent): void => {
    this.systemDark = event.matches;
    this.host.requestUpdate();
  };
}
