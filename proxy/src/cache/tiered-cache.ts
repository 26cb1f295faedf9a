/**
 * The production cache with Redis: a small MemoryCache in front of a RedisCache. A hot answer is
 * served from memory for a few seconds (`hotMs`, or less when the entry expires sooner), so most
 * lookups never cross the network, and every instance still shares what any of them loaded.
 *
 * Redis failing never reaches the caller: while it is unreachable or erring the cache is `degraded`
 * and works as a memory cache (a get answers from memory or misses, a set keeps the entry in memory
 * for its whole life); once ioredis has reconnected it is `healthy` again by itself and writes go to
 * Redis again. A Redis that holds the connection but stops answering costs one call the command
 * timeout, then is left alone until a PING answers (`retryMs`). Entries written while degraded stay
 * in memory only (they are not copied to Redis later), and a delete while degraded reaches memory only.
 */
import type { CacheBackend, CacheEntry } from './cache';
import { MemoryCache } from './memory-cache';
import type { RedisCache } from './redis-cache';

/** Whether the shared tier answers: `healthy`, or `degraded` (memory only until Redis is back). */
export type TieredCacheState = 'healthy' | 'degraded';

/** The memory tier's bounds, and how a TieredCache waits out a failing Redis. */
export const defaultTieredCacheOptions = {
  /** How long the memory tier serves an entry before asking Redis again, at most. */
  hotMs: 5000,
  /** Entries the memory tier holds at most; it also holds everything written while degraded. */
  hotEntries: 10_000,
  /**
   * After a command fails on a live connection (a Redis that stalls, or refuses writes), Redis is
   * left alone this long, then asked with a PING until it answers: one slow call a while, not every call.
   */
  retryMs: 1000,
  /** Told once per change of state, with Redis's last error on the way to `degraded` (for logs). */
  onStateChange: (_state: TieredCacheState, _error?: unknown): void => undefined,
};

/** A MemoryCache before a RedisCache, degrading to the memory alone while Redis fails. */
export class TieredCache implements CacheBackend {
  /** The shared tier; closed by `close()`. */
  readonly shared: RedisCache;
  private readonly memory: MemoryCache;
  private readonly hotMs: number;
  private readonly now: () => number;
  private readonly onStateChange: (state: TieredCacheState, error?: unknown) => void;
  private readonly offConnection: () => void;
  private readonly retryMs: number;
  /** A command failed on a live connection (a timeout, OOM), and no PING has succeeded since. */
  private failing = false;
  /** The PING after a failure, while waiting for it; Redis is not asked meanwhile. */
  private retry: NodeJS.Timeout | undefined;
  private lastError: unknown;
  private reported: TieredCacheState;

  constructor(
    shared: RedisCache,
    options: Partial<typeof defaultTieredCacheOptions> = {},
    now: () => number = Date.now,
  ) {
    const o = { ...defaultTieredCacheOptions, ...options };
    this.shared = shared;
    this.memory = new MemoryCache({ maxEntries: o.hotEntries }, now);
    this.hotMs = o.hotMs;
    this.now = now;
    this.onStateChange = o.onStateChange;
    this.retryMs = o.retryMs;
    this.reported = this.state;
    this.offConnection = shared.onConnection((up) => {
      // A new connection starts clean; a lost one degrades by `connected` alone. A Redis that shut
      // down cleanly closed without an error: say so instead.
      if (up) this.recovered();
      else this.report(shared.error ?? new Error('Redis closed the connection'));
    });
  }

  /** `healthy` while Redis is connected and its last command succeeded, else `degraded`. */
  get state(): TieredCacheState {
    return this.shared.connected && !this.failing ? 'healthy' : 'degraded';
  }

  /** The memory tier's entry (what a `get` would answer without asking Redis). */
  peek<T>(key: string): CacheEntry<T> | undefined {
    const hot = this.memory.peek<T>(key);
    if (hot) this.shared.noteUse(key);
    return hot;
  }

  async get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    const hot = this.peek<T>(key);
    if (hot) return hot;
    const entry = await this.attempt(() => this.shared.get<T>(key));
    if (entry) await this.memory.set(key, this.hot(entry));
    return entry;
  }

  async set<T>(key: string, entry: CacheEntry<T>): Promise<void> {
    // In memory first: lookups while Redis takes the write already find it.
    await this.memory.set(key, this.hot(entry));
    const stored = await this.attempt(() => this.shared.set(key, entry).then(() => true));
    // Not in Redis: memory is the only copy, so it keeps the entry as long as Redis would have.
    if (!stored) await this.memory.set(key, entry);
  }

  async delete(key: string): Promise<void> {
    await this.memory.delete(key);
    await this.attempt(() => this.shared.delete(key));
  }

  async clear(): Promise<void> {
    await this.memory.clear();
    await this.attempt(() => this.shared.clear());
  }

  /** Claimed in Redis; while Redis fails, every instance loads for itself (true). */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    return (await this.attempt(() => this.shared.claim(key, ttlMs))) ?? true;
  }

  async release(key: string): Promise<void> {
    await this.attempt(() => this.shared.release(key));
  }

  /** Entries in Redis under our prefix; in memory while degraded. */
  async size(): Promise<number> {
    return (await this.attempt(() => this.shared.size())) ?? this.memory.size();
  }

  /** Stops listening and retrying, and closes the Redis connection. */
  async close(): Promise<void> {
    this.offConnection();
    clearTimeout(this.retry);
    await this.shared.close();
  }

  /** The entry as the memory tier keeps it while Redis has it: `hotMs` at most. */
  private hot<T>(entry: CacheEntry<T>): CacheEntry<T> {
    const until = this.now() + this.hotMs;
    return entry.expiresAt <= until ? entry : { value: entry.value, expiresAt: until };
  }

  /** `call` against Redis; undefined, without asking, while disconnected or waiting to retry, or when it fails. */
  private async attempt<R>(call: () => Promise<R>): Promise<R | undefined> {
    // Disconnected, ioredis would fail the command at once anyway; skipping it spares the Error.
    if (!this.shared.connected || this.retry) return undefined;
    try {
      return await call();
    } catch (error) {
      this.failed(error);
      return undefined;
    }
  }

  private failed(error: unknown): void {
    this.failing = true;
    this.lastError = error;
    this.report(error);
    this.retry ??= setTimeout(() => {
      this.retry = undefined;
      this.shared.ping().then(
        () => this.recovered(),
        (e: unknown) => this.failed(e),
      );
    }, this.retryMs).unref();
  }

  private recovered(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
    this.failing = false;
    this.lastError = undefined;
    this.report();
  }

  private report(error?: unknown): void {
    const state = this.state;
    if (state === this.reported) return;
    this.reported = state;
    this.onStateChange(state, state === 'degraded' ? (error ?? this.lastError) : undefined);
  }
}
