/**
 * The in-memory cache backend: least recently used entries go first once it holds `maxEntries`
 * entries or `maxBytes` of (JSON-sized) values; expired entries go when met.
 */
import type { CacheBackend, CacheEntry } from './cache';

export const defaultMemoryCacheOptions = {
  /** Entries at most. */
  maxEntries: 50_000,
  /** Bytes of values at most, measured as their JSON length. */
  maxBytes: 64 * 1024 * 1024,
};

interface Slot {
  entry: CacheEntry<unknown>;
  bytes: number;
}

export class MemoryCache implements CacheBackend {
  private readonly options: typeof defaultMemoryCacheOptions;
  /** A Map iterates in insertion order: re-inserting on use keeps the least recent first. */
  private readonly slots = new Map<string, Slot>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(
    options: Partial<typeof defaultMemoryCacheOptions> = {},
    now: () => number = Date.now,
  ) {
    this.options = { ...defaultMemoryCacheOptions, ...options };
    this.now = now;
  }

  get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    const slot = this.slots.get(key);
    if (!slot) return Promise.resolve(undefined);
    if (slot.entry.expiresAt <= this.now()) {
      this.remove(key, slot);
      return Promise.resolve(undefined);
    }
    this.slots.delete(key);
    this.slots.set(key, slot);
    return Promise.resolve(slot.entry as CacheEntry<T>);
  }

  set<T>(key: string, entry: CacheEntry<T>): Promise<void> {
    const bytes = JSON.stringify(entry.value)?.length ?? 0;
    const old = this.slots.get(key);
    if (old) this.remove(key, old);
    if (bytes > this.options.maxBytes) return Promise.resolve();
    this.slots.set(key, { entry, bytes });
    this.bytes += bytes;
    for (const [k, slot] of this.slots) {
      if (this.slots.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.remove(k, slot);
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    const slot = this.slots.get(key);
    if (slot) this.remove(key, slot);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.slots.clear();
    this.bytes = 0;
    return Promise.resolve();
  }

  size(): Promise<number> {
    return Promise.resolve(this.slots.size);
  }

  private remove(key: string, slot: Slot): void {
    this.slots.delete(key);
    this.bytes -= slot.bytes;
  }
}
