/**
 * An expensive async call behind a cache, with the whole policy in one place (after unjs/nitro's
 * `defineCachedFunction`), against any CacheBackend:
 * - **fresh**: an entry younger than `freshMs`, made under the caller's current `version`, is served
 *   without loading;
 * - **stale-while-revalidate**: an entry of the current version past `freshMs` is served at once while
 *   one load refreshes it behind;
 * - **single-flight**: concurrent calls for one key share one load;
 * - **negative caching**: a load error that `refusal` recognises is stored for `negativeMs` and handed
 *   back (as the entry's `refusal`) without loading again;
 * - **stale-on-error**: when a load fails, the last good value for the key (of any version, kept
 *   `keepMs`) is served, marked `stale`.
 *
 * A version is the caller's notion of "the same world" (a tariff date): an entry of another version is
 * never fresh, but still serves when the load fails. The hot path, a fresh hit, allocates nothing here:
 * it hands back the stored entry itself.
 */
import type { CacheBackend } from './cache';

/** How one lookup was answered, for metrics; exactly one per call. */
export type CacheResult = 'hit' | 'miss' | 'revalidate' | 'stale' | 'negative';

/** What a call answers: the stored entry (never to be modified), or a stale copy of it. */
export interface CachedValue<T, R> {
  /** The loaded value; absent on a refusal. */
  value?: T;
  /** The refusal, as `refusal` captured it; absent on a value. */
  refusal?: R;
  /** The caller's version the entry was made under. */
  version: string;
  /** When it was loaded, ms since the epoch. */
  loadedAt: number;
  /** `loadedAt` as ISO 8601, made once rather than on every hit. */
  loadedAtIso: string;
  /** Set only on a value served because the load failed (a copy: stored entries never carry it). */
  stale?: true;
}

/** What to call and how long its answers serve. */
export interface CachedCallOptions<A, T, R> {
  /** The call being cached. Throws to fail; `refusal` decides which errors are answers. */
  load: (arg: A) => Promise<T>;
  /** A value younger than this is served without loading. */
  freshMs: number;
  /** A value is kept this long, to be served stale when loading fails. */
  keepMs: number;
  /** A refusal is served this long without loading again. */
  negativeMs: number;
  /** Turns a load error that is an answer ("no such postal code") into a storable refusal; undefined for other errors. */
  refusal?: (error: unknown) => R | undefined;
  /** Whether a load error may be answered with the last good value. Default: every error. */
  staleOn?: (error: unknown) => boolean;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** Told how each lookup was answered (for metrics). */
  onResult?: (result: CacheResult) => void;
  /** Told when a background refresh failed (for logs); the old entry stays. */
  onRefreshError?: (error: unknown) => void;
}

/**
 * How long one instance's claim to load a key lasts at most (beyond an upstream call's timeout and
 * retry; it is released as soon as the load ends), and how often the others look for its answer.
 */
const CLAIM_MS = 8000;
const CLAIM_POLL_MS = 25;

const always = (): boolean => true;
const never = (): undefined => undefined;
const ignore = (): void => undefined;

/** One cached function: `get(key, arg, version)` answers through the cache, loading `arg` when needed. */
export class CachedCall<A, T, R = never> {
  private readonly cache: CacheBackend;
  private readonly options: CachedCallOptions<A, T, R>;
  private readonly refusalOf: (error: unknown) => R | undefined;
  private readonly staleOn: (error: unknown) => boolean;
  private readonly now: () => number;
  private readonly report: (result: CacheResult) => void;
  private readonly refreshFailed: (error: unknown) => void;
  private readonly inFlight = new Map<string, Promise<CachedValue<T, R>>>();

  constructor(cache: CacheBackend, options: CachedCallOptions<A, T, R>) {
    this.cache = cache;
    this.options = options;
    this.refusalOf = options.refusal ?? never;
    this.staleOn = options.staleOn ?? always;
    this.now = options.now ?? Date.now;
    this.report = options.onResult ?? ignore;
    this.refreshFailed = options.onRefreshError ?? ignore;
  }

  /** The value (or refusal) for `key`; throws the load's error when there is nothing to serve. */
  async get(key: string, arg: A, version = ''): Promise<CachedValue<T, R>> {
    const cached = (await this.cache.get<CachedValue<T, R>>(key))?.value;
    if (cached && cached.version === version) {
      const age = this.now() - cached.loadedAt;
      if (cached.refusal !== undefined) {
        if (age < this.options.negativeMs) {
          this.report('negative');
          return cached;
        }
      } else if (age < this.options.freshMs) {
        this.report('hit');
        return cached;
      } else {
        this.report('revalidate');
        this.load(key, arg, version).catch(this.refreshFailed);
        return cached;
      }
    }
    try {
      const loaded = await this.load(key, arg, version);
      this.report('miss');
      return loaded;
    } catch (error) {
      if (cached && cached.refusal === undefined && this.staleOn(error)) {
        this.report('stale');
        return { ...cached, stale: true };
      }
      this.report('miss');
      throw error;
    }
  }

  /**
   * What `get` would answer as a fresh hit, if the backend holds it in memory now; undefined for
   * anything else (not in memory, stale, a refusal, another version), and then `get` decides.
   * Counts nothing: the caller counts the hit with `countHit` once it uses the value.
   */
  peekFresh(key: string, version = ''): CachedValue<T, R> | undefined {
    const cached = this.cache.peek?.<CachedValue<T, R>>(key)?.value;
    if (!cached || cached.version !== version || cached.refusal !== undefined) return undefined;
    return this.now() - cached.loadedAt < this.options.freshMs ? cached : undefined;
  }

  /** The instant an entry `peekFresh` handed back stops being fresh. */
  freshUntil(cached: CachedValue<T, R>): number {
    return cached.loadedAt + this.options.freshMs;
  }

  /** Counts a fresh hit served through `peekFresh`. */
  countHit(): void {
    this.report('hit');
  }

  /** Resolves once no load is running (tests await the background refresh with it). */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** One load per key and version at a time; its value (or refusal) is stored. */
  private load(key: string, arg: A, version: string): Promise<CachedValue<T, R>> {
    // The version is in the flight's key: a call just after midnight must not join yesterday's load.
    const flight = `${version}\u0000${key}`;
    let pending = this.inFlight.get(flight);
    if (!pending) {
      pending = this.loadAndStore(key, arg, version).finally(() => this.inFlight.delete(flight));
      this.inFlight.set(flight, pending);
    }
    return pending;
  }

  private async loadAndStore(key: string, arg: A, version: string): Promise<CachedValue<T, R>> {
    // A shared backend: one load across every instance. Another instance loading the same key is
    // waited for; its answer, once stored, is this one's too.
    const claim = `${version}\u0000${key}`;
    if (this.cache.claim) {
      if (!(await this.cache.claim(claim, CLAIM_MS))) {
        const theirs = await this.waitForOther(key, version, claim);
        if (theirs) return theirs;
      }
      // Claimed: yet another instance may have stored the answer between our miss and the claim.
      const stored = await this.freshStored(key, version).catch(() => undefined);
      if (stored) {
        await this.cache.release?.(claim);
        return stored;
      }
    }
    try {
      return await this.loadAndStoreHere(key, arg, version);
    } finally {
      await this.cache.release?.(claim);
    }
  }

  /** The entry for `key` if it is of `version` and still fresh (a refusal: within negativeMs). */
  private async freshStored(key: string, version: string): Promise<CachedValue<T, R> | undefined> {
    const entry = (await this.cache.get<CachedValue<T, R>>(key))?.value;
    if (!entry || entry.version !== version) return undefined;
    const age = this.now() - entry.loadedAt;
    const fresh = entry.refusal === undefined ? this.options.freshMs : this.options.negativeMs;
    return age < fresh ? entry : undefined;
  }

  /**
   * A fresh value (or refusal) that the instance holding the claim stores for `key`; undefined once
   * the claim is this caller's after all (the other's load failed, or it died: its claim ran out).
   */
  private async waitForOther(
    key: string,
    version: string,
    claim: string,
  ): Promise<CachedValue<T, R> | undefined> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
      const entry = await this.freshStored(key, version);
      if (entry) return entry;
      if (await this.cache.claim!(claim, CLAIM_MS)) return undefined;
    }
  }

  private async loadAndStoreHere(key: string, arg: A, version: string): Promise<CachedValue<T, R>> {
    let value: T;
    try {
      value = await this.options.load(arg);
    } catch (error) {
      const refusal = this.refusalOf(error);
      if (refusal === undefined) throw error;
      const stored = this.entry(version, undefined, refusal);
      // A refusal replaces nothing good: an older value for the key stays for outages.
      const old = (await this.cache.get<CachedValue<T, R>>(key))?.value;
      if (!old || old.refusal !== undefined)
        await this.cache.set(key, {
          value: stored,
          expiresAt: this.now() + this.options.negativeMs,
        });
      return stored;
    }
    const stored = this.entry(version, value, undefined);
    await this.cache.set(key, { value: stored, expiresAt: this.now() + this.options.keepMs });
    return stored;
  }

  private entry(version: string, value: T | undefined, refusal: R | undefined): CachedValue<T, R> {
    const loadedAt = this.now();
    return {
      ...(refusal === undefined ? { value } : { refusal }),
      version,
      loadedAt,
      loadedAtIso: new Date(loadedAt).toISOString(),
    };
  }
}
