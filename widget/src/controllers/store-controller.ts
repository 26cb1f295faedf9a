/**
 * Connects a zustand store to its element: the element updates when the state changes, and only
 * while it is in the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoreApi } from 'zustand/vanilla';

export class StoreController<S> implements ReactiveController {
  readonly store: StoreApi<S>;
  private readonly host: ReactiveControllerHost;
  private unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, store: StoreApi<S>) {
    this.host = host;
    this.store = store;
    host.addController(this);
  }

  /** The state now. */
  get state(): S {
    return this.store.getState();
  }

  hostConnected(): void {
    this.unsubscribe = this.store.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
