/**
 * `history`: the browser's Back (a phone's back button, a webview's) closes what the picker opened
 * — the card, then the phone's list — before it leaves the page. Each opening pushes one entry;
 * closing by the picker's own buttons takes that entry back, so history stays as the buyer made it.
 */
import type { ReactiveController } from 'lit';
import type { PickerHost } from './host';

/** What can be open, innermost last. */
export type Layer = 'sheet' | 'card';

export interface HistoryOptions {
  enabled(): boolean;
  /** Closes a layer because the buyer pressed Back. */
  close(layer: Layer): void;
}

/** Marks our entries, so that another script's states are left alone. */
const STATE_KEY = 'branchPicker';

export class HistoryController implements ReactiveController {
  private readonly o: HistoryOptions;
  private readonly layers: Layer[] = [];
  /** Back presses that were ours (taking an entry back), not the buyer's. */
  private ownBacks = 0;

  constructor(host: PickerHost, options: HistoryOptions) {
    this.o = options;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.onPopState);
    this.layers.length = 0;
    this.ownBacks = 0;
  }

  /** A layer opened: Back will close it. */
  opened(layer: Layer): void {
    if (!this.o.enabled() || this.layers.includes(layer)) return;
    this.layers.push(layer);
    history.pushState({ [STATE_KEY]: layer }, '');
  }

  /** A layer closed by the picker itself: its entry is taken back. */
  closed(layer: Layer): void {
    const at = this.layers.lastIndexOf(layer);
    if (at < 0) return;
    this.layers.splice(at, 1);
    this.ownBacks++;
    history.back();
  }

  private readonly onPopState = (): void => {
    if (this.ownBacks > 0) {
      this.ownBacks--;
      return;
    }
    const layer = this.layers.pop();
    if (layer) this.o.close(layer);
  };
}
