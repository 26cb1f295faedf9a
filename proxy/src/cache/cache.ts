/**
 * The cache interface every backend implements: in memory now, a shared one (Redis) when the proxy
 * runs as several instances. Values are JSON-serialisable; expiry belongs to the caller (an entry
 * carries its own times), the backend only drops entries at `expiresAt` and under its own bounds.
 * Every backend must pass `cache.contract.ts`.
 */

export interface CacheEntry<T> {
  value: T;
  /** When the backend may forget the entry, ms since the epoch. */
  expiresAt: number;
}

export interface CacheBackend {
  get<T>(key: string): Promise<CacheEntry<T> | undefined>;
  /**
   * The entry if this process holds it in memory now, at once (no promise, no network); a miss
   * here says nothing of `get`. For the hot path: the quote answered without a promise.
   */
  peek?<T>(key: string): CacheEntry<T> | undefined;
  set<T>(key: string, entry: CacheEntry<T>): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
  /** Entries held now (for metrics). */
  size(): Promise<number>;
  /**
   * Shared backends only: claims the right to load `key` for `ttlMs`, across every process that
   * shares the backend; true when this caller has it (or the backend cannot tell: then everyone
   * loads, as without a claim). Released by `release`, or by the time running out.
   */
  claim?(key: string, ttlMs: number): Promise<boolean>;
  release?(key: string): Promise<void>;
}
