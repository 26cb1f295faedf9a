/**
 * The counters of `@fastify/rate-limit` in memory, one table for every route: the plugin gives each
 * route a store of its own (`child()`), so routes of one group would each count alone; here every
 * child is this same store, and the key (client address + group) says what is counted. Fixed
 * windows, as the plugin's own store; at most `MAX_KEYS` clients are remembered (the least recently
 * seen are forgotten first, which errs towards letting a request through).
 */
import { LRUCache } from 'lru-cache';

const MAX_KEYS = 100_000;

interface Window {
  current: number;
  startedAt: number;
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export class SharedLimitStore {
  private readonly windows = new LRUCache<string, Window>({ max: MAX_KEYS });

  incr(key: string, callback: Callback, timeWindow: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) {
      window = { current: 0, startedAt: now };
      this.windows.set(key, window);
    }
    window.current++;
    callback(null, { current: window.current, ttl: window.startedAt + timeWindow - now });
  }

  child(): this {
    return this;
  }
}
