/**
 * The rate-limit counters in memory: one table per route group, each by client address, so that
 * the routes of a group share a count. Fixed windows, answered in the same tick
 * (plugins/rate-limits.ts); at most `MAX_KEYS` clients are remembered per group (the least recently
 * seen are forgotten first, which errs towards letting a request through).
 *
 * Counting joins no strings: the client's address comes from the socket, one string per connection
 * whose hash V8 keeps, and the group picks the table. The callback takes the count and the time
 * left as plain arguments, so a count allocates nothing once its window exists.
 */
import { LRUCache } from 'lru-cache';
import type { LimitGroup } from './groups';

const MAX_KEYS = 100_000;

interface Window {
  current: number;
  startedAt: number;
}

/** The request's number in its window and the milliseconds left of it; or why counting failed. */
export type LimitCallback = (error: Error | null, current?: number, ttlMs?: number) => void;

/** Where counts are kept: in memory (below) or in Redis (redis-limit-store.ts). */
export interface LimitStore {
  /** Counts one request of `client` against `group`, in windows of `windowMs`. */
  incr(group: LimitGroup, client: string, callback: LimitCallback, windowMs: number): void;
}

export class SharedLimitStore implements LimitStore {
  private readonly tables = new Map<LimitGroup, LRUCache<string, Window>>();

  incr(group: LimitGroup, client: string, callback: LimitCallback, windowMs: number): void {
    let windows = this.tables.get(group);
    if (windows === undefined) this.tables.set(group, (windows = new LRUCache({ max: MAX_KEYS })));
    const now = Date.now();
    let window = windows.get(client);
    if (window === undefined || window.startedAt + windowMs <= now) {
      window = { current: 0, startedAt: now };
      windows.set(client, window);
    }
    window.current++;
    callback(null, window.current, window.startedAt + windowMs - now);
  }
}
