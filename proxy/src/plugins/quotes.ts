/**
 * Quotes for the whole server: a circuit breaker and an upstream per Russian Post calculator, the
 * answer cache, and the QuoteService over them, decorated as `app.quotes`. The breakers show in
 * `/metrics`; the estimator finds postal codes in `app.branches`.
 *
 * The answer cache is in memory, or with REDIS_URL in Redis behind a short-lived memory tier
 * (`cache/tiered-cache.ts`), shared by every instance; its state is `app.quoteCache`, for `/readyz`.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { CacheBackend } from '../cache/cache';
import { MemoryCache } from '../cache/memory-cache';
import { RedisCache } from '../cache/redis-cache';
import {
  defaultTieredCacheOptions,
  TieredCache,
  type TieredCacheState,
} from '../cache/tiered-cache';
import type { QuoteConfig } from '../config';
import { QuoteService } from '../quotes/quote-service';
import type { AttemptOutcome } from '../quotes/upstreams/upstream-http';
import { CircuitBreaker } from '../quotes/upstreams/circuit-breaker';
import { pochtaDelivery } from '../quotes/upstreams/pochta-delivery';
import { pochtaTariff } from '../quotes/upstreams/pochta-tariff';

/** What `/readyz` shows of the answer cache. */
export interface QuoteCacheStatus {
  /** Where answers are kept: this process's memory, or Redis (REDIS_URL) with memory in front. */
  backend: 'memory' | 'redis';
  /** `degraded` while Redis is unreachable or failing: answers are then cached in memory only. */
  state: TieredCacheState;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Cost and delivery time. */
    quotes: QuoteService;
    /** The answer cache's backend and state. */
    quoteCache: { status(): QuoteCacheStatus };
  }
}

/** How long a start waits for Redis to connect before serving with memory alone (it keeps trying). */
const REDIS_START_WAIT_MS = 2000;

const IN_MEMORY: QuoteCacheStatus = { backend: 'memory', state: 'healthy' };

/**
 * The answer cache and its status: memory alone; or, with REDIS_URL, memory before Redis, waited for
 * a moment at start, its changes of state logged, closed with the server.
 */
async function answerCache(
  app: FastifyInstance,
  { redisUrl, cacheMaxEntries }: QuoteConfig,
): Promise<{ cache: CacheBackend; status: () => QuoteCacheStatus }> {
  if (!redisUrl)
    return { cache: new MemoryCache({ maxEntries: cacheMaxEntries }), status: () => IN_MEMORY };
  const redis = new RedisCache(redisUrl, { maxEntries: cacheMaxEntries });
  // The URL stays out of the log: it may carry a password.
  const cache = new TieredCache(redis, {
    hotEntries: Math.min(cacheMaxEntries, defaultTieredCacheOptions.hotEntries),
    onStateChange: (state, error) =>
      state === 'healthy'
        ? app.log.info('quote cache: Redis connected')
        : app.log.warn(
            { err: error },
            'quote cache: Redis is failing; caching in memory until it is back',
          ),
  });
  app.addHook('onClose', () => cache.close());
  if (!(await redis.whenReady(REDIS_START_WAIT_MS)))
    app.log.warn(
      { err: redis.error },
      'quote cache: no Redis at REDIS_URL yet; caching in memory until it answers',
    );
  return { cache, status: () => ({ backend: 'redis', state: cache.state }) };
}

const plugin: FastifyPluginAsync<QuoteConfig> = async (app, config) => {
  const { metrics, branches } = app;
  const upstream = (name: string, url: string) => ({
    url,
    timeoutMs: config.timeoutMs,
    breaker: new CircuitBreaker(),
    observe: (seconds: number, outcome: AttemptOutcome) =>
      metrics.upstreamSeconds.observe({ upstream: name, outcome }, seconds),
  });
  const tariff = pochtaTariff(upstream('tariff', config.tariffUrl));
  const delivery = pochtaDelivery(upstream('delivery', config.deliveryUrl));
  for (const u of [tariff, delivery]) metrics.watchBreaker(u.name, () => u.circuit);
  const { cache, status } = await answerCache(app, config);
  const quotes = new QuoteService({
    tariff,
    delivery,
    cache,
    mode: config.mode,
    pricing: config.pricing,
    rates: config.rates,
    // Read per estimate: a reload swaps the snapshot.
    locate: () => (code) => branches.current.locate(code),
    metrics,
    onRefreshError: (error) =>
      app.log.warn({ err: error }, 'quote refresh failed; the cached answer stays'),
  });
  app.decorate('quotes', quotes);
  app.decorate('quoteCache', { status });
};

/** `app.quotes`; needs `app.metrics` and `app.branches`. */
export const quotesPlugin = fp(plugin, {
  name: 'quotes',
  decorators: { fastify: ['metrics', 'branches'] },
});
