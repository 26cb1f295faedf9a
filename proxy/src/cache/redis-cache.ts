/**
 * The Redis cache backend, ioredis underneath (and nowhere else): one cache shared by every proxy
 * instance on one Redis.
 *
 * - An entry is the string key `<prefix>e:<key>` holding `{ value, expiresAt }` as JSON, with Redis's
 *   own expiry (`PX`) at `expiresAt`, so Redis forgets it by itself.
 * - Past `maxEntries`, the least recently used entries go first: the sorted set `<prefix>lru` ranks
 *   entry keys by a counter (`<prefix>seq`), and each get and set is one Lua script, so that
 *   instances sharing the Redis never interleave halfway through one.
 * - Everything of ours is under `prefix`: `clear()` and `size()` SCAN only that (never KEYS, which
 *   blocks Redis, never FLUSHDB), since the Redis may hold other things.
 *
 * It fails fast instead of waiting: no offline queue (a command while disconnected fails at once),
 * one retry, a command timeout. Callers that must not fail (TieredCache) catch; ioredis reconnects
 * by itself. Await `whenReady()` before the first command.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CacheBackend, CacheEntry } from './cache';

/** How a RedisCache connects and what it keeps. */
export const defaultRedisCacheOptions = {
  /** Every key of ours starts with this. */
  prefix: 'bp:quote:',
  /** Entries at most; the least recently used go first. */
  maxEntries: 50_000,
  /** A command unanswered this long fails (a Redis that holds the connection and answers nothing). */
  commandTimeoutMs: 500,
  /** A connection not made in this long is dropped and tried again. */
  connectTimeoutMs: 2000,
  /** The longest wait between two reconnection attempts; they start at a tenth of it. */
  reconnectMaxMs: 1000,
  /** The connection's name in Redis's `CLIENT LIST`. */
  connectionName: 'branch-picker',
};

/** Keys per SCAN step: large enough for few round trips, small enough not to hold Redis up. */
const SCAN_COUNT = 500;

/** GET, and the entry becomes the most recent. KEYS: entry, lru, seq. */
const GET_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v then redis.call('ZADD', KEYS[2], 'XX', redis.call('INCR', KEYS[3]), KEYS[1]) end
return v`;

/**
 * Ranks the entries read elsewhere (ARGV[3..], in order of use), SETs one with its PX, makes it the
 * most recent, then drops the least recent past the bound. KEYS: entry, lru, seq; ARGV: json, px, max,
 * used entry keys.
 */
const SET_SCRIPT = `
for i = 4, #ARGV do redis.call('ZADD', KEYS[2], 'XX', redis.call('INCR', KEYS[3]), ARGV[i]) end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), KEYS[1])
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  local popped = redis.call('ZPOPMIN', KEYS[2], over)
  for i = 1, #popped, 2 do redis.call('DEL', popped[i]) end
end
return 0`;

/** The scripts as ioredis defines them on the client (`defineCommand`), typed. */
/** Deletes a claim only when it is still the caller's (it may have run out and been taken since). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface Scripts {
  bpCacheGet(entry: string, lru: string, seq: string): Promise<string | null>;
  bpCacheSet(
    entry: string,
    lru: string,
    seq: string,
    ...argv: (string | number)[]
  ): Promise<number>;
  bpCacheRelease(lock: string, token: string): Promise<number>;
}

/** A glob pattern matching `text` literally. */
const literal = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');

/** A CacheBackend in Redis, shared by every instance that uses the same Redis and prefix. */
export class RedisCache implements CacheBackend {
  private readonly client: Redis;
  private readonly scripts: Scripts;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly entryPrefix: string;
  private readonly lruKey: string;
  private readonly seqKey: string;
  private readonly lockPrefix: string;
  /** Names this process's claims. */
  private readonly token = randomUUID();
  private readonly ourKeys: string;
  private readonly entryKeys: string;
  /** Keys read from a faster tier since the last set, least recent first. */
  private readonly used = new Set<string>();
  private lastError: Error | undefined;

  /** Connects to `url` (`redis://` or `rediss://`) at once; `now` is the clock for `expiresAt`. */
  constructor(
    url: string,
    options: Partial<typeof defaultRedisCacheOptions> = {},
    now: () => number = Date.now,
  ) {
    const o = { ...defaultRedisCacheOptions, ...options };
    this.client = new Redis(url, {
      connectionName: o.connectionName,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: o.commandTimeoutMs,
      connectTimeout: o.connectTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * (o.reconnectMaxMs / 10), o.reconnectMaxMs),
    });
    // Without a listener ioredis prints every failed reconnection; the state says it instead.
    this.client.on('error', (error: Error) => (this.lastError = error));
    this.client.on('ready', () => (this.lastError = undefined));
    this.client.defineCommand('bpCacheGet', { lua: GET_SCRIPT, numberOfKeys: 3 });
    this.client.defineCommand('bpCacheSet', { lua: SET_SCRIPT, numberOfKeys: 3 });
    this.client.defineCommand('bpCacheRelease', { lua: RELEASE_SCRIPT, numberOfKeys: 1 });
    // defineCommand adds the methods at run time; ioredis cannot type them.
    this.scripts = this.client as unknown as Scripts;
    this.now = now;
    this.maxEntries = Math.max(1, o.maxEntries);
    this.entryPrefix = `${o.prefix}e:`;
    this.lruKey = `${o.prefix}lru`;
    this.seqKey = `${o.prefix}seq`;
    this.lockPrefix = `${o.prefix}lock:`;
    this.ourKeys = `${literal(o.prefix)}*`;
    this.entryKeys = `${literal(this.entryPrefix)}*`;
  }

  /** Whether the connection is up and ready for commands now. */
  get connected(): boolean {
    return this.client.status === 'ready';
  }

  /** The last connection error ioredis reported since the connection was last ready, for logs. */
  get error(): Error | undefined {
    return this.lastError;
  }

  /** Calls `listener` with true each time the connection becomes ready, false each time it is lost; returns the unsubscribe. */
  onConnection(listener: (connected: boolean) => void): () => void {
    const up = () => listener(true);
    const down = () => listener(false);
    this.client.on('ready', up).on('close', down);
    return () => void this.client.off('ready', up).off('close', down);
  }

  /** Resolves true once connected, false when `timeoutMs` passes first; never rejects. */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        off();
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const off = this.onConnection((up) => up && done(true));
    });
  }

  /** Resolves when Redis answers PING; rejects as any command does. */
  async ping(): Promise<void> {
    await this.client.ping();
  }

  async get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    const json = await this.scripts.bpCacheGet(this.entryPrefix + key, this.lruKey, this.seqKey);
    if (json === null) return undefined;
    const entry = JSON.parse(json) as CacheEntry<T>;
    // Redis expires by its own clock; the caller's clock decides too (tests move it by hand).
    return entry.expiresAt <= this.now() ? undefined : entry;
  }

  async set<T>(key: string, entry: CacheEntry<T>): Promise<void> {
    const ttl = Math.ceil(entry.expiresAt - this.now());
    // Redis takes no PX below 1; an entry already expired is simply not there.
    if (ttl <= 0) return this.delete(key);
    const json = JSON.stringify({ value: entry.value, expiresAt: entry.expiresAt });
    const used = Array.from(this.used, (k) => this.entryPrefix + k);
    this.used.clear();
    const [k, lru, seq] = [this.entryPrefix + key, this.lruKey, this.seqKey];
    await this.scripts.bpCacheSet(k, lru, seq, json, ttl, this.maxEntries, ...used);
  }

  /**
   * Records that `key` was just read from a faster tier in front (TieredCache's memory), so that the
   * least-recently-used order counts it. Nothing is sent now: the uses go with the next `set`, the
   * only step that drops entries. At most `maxEntries` are remembered.
   */
  noteUse(key: string): void {
    this.used.delete(key); // re-added last: a Set keeps insertion order
    this.used.add(key);
    if (this.used.size > this.maxEntries) this.used.delete(this.used.values().next().value!);
  }

  /** `SET NX PX` under the lock prefix, with a token of this process, so only its holder releases it. */
  async claim(key: string, ttlMs: number): Promise<boolean> {
    const ok = await this.client.set(this.lockPrefix + key, this.token, 'PX', ttlMs, 'NX');
    return ok === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.scripts.bpCacheRelease(this.lockPrefix + key, this.token);
  }

  async delete(key: string): Promise<void> {
    const k = this.entryPrefix + key;
    this.used.delete(key);
    await this.client.multi().del(k).zrem(this.lruKey, k).exec();
  }

  async clear(): Promise<void> {
    this.used.clear();
    // Keys SCAN meets are unlinked at once; SCAN still returns every key there throughout.
    await this.scan(this.ourKeys, (keys) => this.client.unlink(...keys));
  }

  async size(): Promise<number> {
    let n = 0;
    await this.scan(this.entryKeys, (keys) => (n += keys.length));
    return n;
  }

  /** Closes the connection, without waiting for a Redis that is not there. */
  async close(): Promise<void> {
    try {
      if (this.connected) await this.client.quit();
    } catch {
      // Lost while quitting: nothing left to close gracefully.
    } finally {
      this.client.disconnect();
    }
  }

  private async scan(pattern: string, each: (keys: string[]) => unknown): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
      if (keys.length) await each(keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
