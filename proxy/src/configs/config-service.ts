/**
 * Saved configurations for the routes: the store behind an in-memory cache by id, the owner's
 * token checked, and what enforcement needs worked out once per version (the allowed origins as a
 * set, the return-URL rules parsed, the pricing rules over their defaults), so that a
 * `quote?config=` costs one map lookup once read. Every write goes through here and drops the
 * cached entry; a write by another instance drops it too, when the store notifies it (PostgreSQL),
 * and the whole cache goes when the store's change token moves without a word (a missed
 * notification, another process).
 */
import { DEFAULT_PRICING, type PricingRules } from '#core/pricing-rules';
import type { OwnerConfig, PublicConfig } from '#core/widget-config';
import { parseReturnRule, type ReturnUrlRule } from '../embed/allowed';
import { HttpProblem } from '../errors';
import type { Store } from '../store/store';
import type { ConfigStore, StoredConfig, VersionEntry, WriteRefusal } from './config-store';
import { hashToken, newConfigId, newOwnerToken, tokenMatches } from './owner-token';
import { validateConfig, type ConfigDocument } from './validate';

/** A configuration with what enforcement reads, ready. */
export interface ConfigEntry {
  stored: StoredConfig;
  /** The sites that may use it, as origins. */
  origins: ReadonlySet<string>;
  /** Where its embed page may send the buyer back. */
  returnRules: readonly ReturnUrlRule[];
  /** Its pricing over DEFAULT_PRICING (never over the proxy's PRICING: the merchant set these). */
  pricing: PricingRules;
}

/** How the routes authenticate: the bearer token, or none given. */
export type Credentials = string | null;

/** Configurations kept in memory at most; the least recently used go first. */
const CACHE_ENTRIES = 10_000;
/** Ids drawn before giving up (a collision in 36^12 is already unheard of). */
const ID_ATTEMPTS = 5;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The part any allowed page reads. */
export const publicView = ({ id, version, document }: StoredConfig): PublicConfig => ({
  id,
  version,
  options: document.options,
  appearance: document.appearance,
});

/** Everything, for the owner: also what `POST /api/v1/configs` imports. */
export const ownerView = (s: StoredConfig): OwnerConfig => ({
  id: s.id,
  version: s.version,
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
  ...s.document,
});

export const notFound = (id: string, field = 'params.id'): HttpProblem =>
  new HttpProblem(404, 'config-not-found', `There is no saved configuration ${id}.`, {
    errors: [{ field, message: 'is not a saved configuration: check the id, or save it again' }],
  });

function refused(refusal: WriteRefusal, id: string, document?: ConfigDocument): HttpProblem {
  if (refusal === 'not-found') return notFound(id);
  if (refusal === 'stale')
    return new HttpProblem(
      412,
      'config-changed',
      `Configuration ${id} has been saved since you read it: read it again (its ETag is the new version), then save your changes over it.`,
    );
  return new HttpProblem(
    409,
    'pochta-widget-taken',
    `Another configuration already replaces widget.pochta.ru widget ${document?.pochtaWidgetId}.`,
    {
      errors: [
        {
          field: 'body.pochtaWidgetId',
          message:
            'is already used by another configuration: remove it there first, or leave it out here',
        },
      ],
    },
  );
}

export class ConfigService {
  private readonly repository: ConfigStore;
  private readonly cache = new Map<string, ConfigEntry>();
  /** Goes up on each outside change: a read begun before one must not cache what it read. */
  private epoch = 0;
  private version: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(repository: ConfigStore) {
    this.repository = repository;
  }

  /** A configuration by id, from memory when it has been read since its last write. */
  async find(id: string): Promise<ConfigEntry | undefined> {
    const hit = this.cache.get(id);
    if (hit) {
      // Most recently used last: the first key is the one to evict.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const epoch = this.epoch;
    const stored = await this.repository.get(id);
    return stored && this.remember(stored, epoch);
  }

  /** `find`, or the 404 naming the field the id came in. */
  async get(id: string, field?: string): Promise<ConfigEntry> {
    const entry = await this.find(id);
    if (!entry) throw notFound(id, field);
    return entry;
  }

  /** The configuration that replaces a widget.pochta.ru widget. */
  async byPochtaWidget(pochtaWidgetId: number): Promise<ConfigEntry | undefined> {
    const epoch = this.epoch;
    const stored = await this.repository.byPochtaWidget(pochtaWidgetId);
    return stored && this.remember(stored, epoch);
  }

  /**
   * Follows changes made elsewhere: drops a configuration when `store` notifies its change by
   * another writer, and everything when the change token has moved (looked at every `intervalMs`,
   * 0 never, and after a reconnect). Errors reading the token are left to the next look.
   */
  watch(intervalMs: number, store?: Pick<Store, 'onChange'>): void {
    this.stop();
    const look = async () => {
      const version = await this.repository.changeToken();
      if (this.version !== undefined && version !== this.version) this.forgetAll();
      this.version = version;
    };
    void look().catch(() => {});
    if (intervalMs > 0) {
      this.timer = setInterval(() => void look().catch(() => {}), intervalMs);
      this.timer.unref();
    }
    this.unsubscribe = store?.onChange((change) => {
      if (change.kind === 'config' && !change.local) this.forget(change.id);
      else if (change.kind === 'resync') void look().catch(() => {});
    });
  }

  /** Stops following changes. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Drops one configuration from memory: the next read asks the store. */
  forget(id: string): void {
    this.epoch++;
    this.cache.delete(id);
  }

  /** Drops every configuration from memory. */
  forgetAll(): void {
    this.epoch++;
    this.cache.clear();
  }

  /** Saves a new configuration (a body, or an export being imported); the token is shown once. */
  async create(body: unknown): Promise<{ entry: ConfigEntry; token: string }> {
    const document = validateConfig(body);
    const token = newOwnerToken();
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      const id = newConfigId();
      const result = await this.repository.create(id, document, hashToken(token));
      if (result === false) continue;
      if (typeof result === 'string') throw refused(result, id, document);
      return { entry: this.remember(result), token };
    }
    throw new Error(`no free configuration id after ${ID_ATTEMPTS} attempts`);
  }

  /**
   * The entry when `credentials` are its owner's; a 401 without a token, a 403 with another. The
   * caller has found the entry (a 404 comes first: an id is not a secret).
   */
  authorize(entry: ConfigEntry, credentials: Credentials): ConfigEntry {
    if (credentials === null)
      throw new HttpProblem(
        401,
        'token-required',
        'Changing or reading all of a configuration needs its owner token: send Authorization: Bearer <token>, as the configurator gave it when the configuration was saved.',
      );
    if (!tokenMatches(credentials, entry.stored.tokenHash))
      throw new HttpProblem(
        403,
        'wrong-token',
        `That is not the owner token of configuration ${entry.stored.id} (an old one stops working when a new one is made).`,
      );
    return entry;
  }

  /** Saves a new version over `expected` (null: `If-Match: *`). */
  async update(id: string, expected: number | null, body: unknown): Promise<ConfigEntry> {
    const document = validateConfig(body);
    return this.write(id, await this.repository.save(id, expected, document), document);
  }

  /** Saves an old version again, as the newest. */
  async restore(id: string, version: number, expected: number | null): Promise<ConfigEntry> {
    const old = await this.repository.version(id, version);
    if (old === undefined)
      throw new HttpProblem(
        404,
        'version-not-found',
        `Configuration ${id} has no version ${version}.`,
        {
          errors: [
            { field: 'params.version', message: 'is not a saved version: see GET …/versions' },
          ],
        },
      );
    // Checked again: what was valid then may not be now (an option removed, a bound tightened).
    const document = validateConfig(old, `versions.${version}`);
    return this.write(id, await this.repository.save(id, expected, document), document);
  }

  async delete(id: string, expected: number | null): Promise<void> {
    const result = await this.repository.delete(id, expected);
    this.cache.delete(id);
    if (result !== true) throw refused(result, id);
  }

  /** A new owner token; the old one stops working at once. */
  async rotateToken(id: string): Promise<{ entry: ConfigEntry; token: string }> {
    const token = newOwnerToken();
    this.cache.delete(id);
    const rotated = await this.repository.setTokenHash(id, hashToken(token));
    this.cache.delete(id);
    if (!rotated) throw notFound(id);
    return { entry: await this.get(id), token };
  }

  versions(id: string): Promise<VersionEntry[]> {
    return this.repository.versions(id);
  }

  private write(
    id: string,
    result: StoredConfig | WriteRefusal,
    document: ConfigDocument,
  ): ConfigEntry {
    this.cache.delete(id);
    if (typeof result === 'string') throw refused(result, id, document);
    return this.remember(result);
  }

  /** The entry for `stored`, cached unless an outside change came after `epoch` (the read began). */
  private remember(stored: StoredConfig, epoch = this.epoch): ConfigEntry {
    const { document } = stored;
    const entry: ConfigEntry = {
      stored,
      origins: new Set(document.allowedOrigins),
      returnRules: document.allowedReturnUrls.map(parseReturnRule),
      pricing: { ...DEFAULT_PRICING, ...document.pricing },
    };
    this.cache.delete(stored.id);
    if (epoch !== this.epoch) return entry;
    this.cache.set(stored.id, entry);
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}
