/**
 * The in-memory cache backend, lru-cache underneath: least recently used entries go first once it
 * holds `maxEntries` entries or `maxBytes` of (JSON-sized) values; an entry past its own `expiresAt`
 * (read from the injected clock, so tests need no timers) is dropped when met.
 */
import { LRUCache } from 'lru-cache';
import type { CacheBackend, CacheEntry } from './cache';

/** Bounds of a MemoryCache. */
export const defaultMemoryCacheOptions = {
  /** Entries at most. */
  maxEntries: 50_000,
  /** Bytes of values at most, measured as their JSON length. */
  maxBytes: 64 * 1024 * 1024,
};

/** lru-cache counts sizes in positive integers: an empty value still takes one. */
const sizeOf = (entry: CacheEntry<unknown>): number =>
  Math.max(1, JSON.stringify(entry.value)?.length ?? 0);

/** A CacheBackend in this process's memory, bounded by entries and bytes. */
export class MemoryCache implements CacheBackend {
  private readonly lru: LRUCache<string, CacheEntry<unknown>>;
  private readonly now: () => number;

  constructor(
    options: Partial<typeof defaultMemoryCacheOptions> = {},
    now: () => number = Date.now,
  ) {
    const { maxEntries, maxBytes } = { ...defaultMemoryCacheOptions, ...options };
    // No `ttl`: expiry is the entry's own `expiresAt`, which the caller sets from its clock.
    this.lru = new LRUCache({ max: maxEntries, maxSize: maxBytes, sizeCalculation: sizeOf });
    this.now = now;
  }

  get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    return Promise.resolve(this.peek<T>(key));
  }

  peek<T>(key: string): CacheEntry<T> | undefined {
    const entry = this.lru.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.lru.delete(key);
      return undefined;
    }
    return entry as CacheEntry<T> | undefined;
  }

  set<T>(key: string, entry: CacheEntry<T>): Promise<void> {
    // A value larger than maxBytes is not kept, and removes what the key held (lru-cache's rule).
    this.lru.set(key, entry);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.lru.delete(key);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.lru.clear();
    return Promise.resolve();
  }

  size(): Promise<number> {
    return Promise.resolve(this.lru.size);
  }
}
