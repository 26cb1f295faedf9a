/**
 * What a screen reader hears: the polite live region's text. Counts wait until the map has stopped
 * moving; notices are said at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A count is announced once the map has stopped this long. */
const SETTLE_MS = 700;

export class Announcer implements ReactiveController {
  /** The live region's text now. */
  text = '';
  private readonly host: ReactiveControllerHost;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Says `text()` once things have settled; a newer call replaces an older one. */
  settle(text: () => string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.say(text()), SETTLE_MS);
  }

  /** Says it now. */
  say(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }

  /** Forgets what was about to be said. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
