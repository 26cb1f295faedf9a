/**
 * The rate-limit counters in memory, one table for every route: the key (client address + group)
 * says what is counted, so the routes of a group share a count. Fixed windows, answered in the
 * same tick (plugins/rate-limits.ts); at most `MAX_KEYS` clients are remembered (the least recently
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
}
