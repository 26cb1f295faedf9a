/**
 * Rate limits per route group (limits/groups.ts), for the whole server: registered before the routes,
 * it gives each route of a limited group its limit, and leaves every other route without the
 * plugin's hook at all (static files and tiles cost nothing). A request over the limit gets a 429
 * problem with `Retry-After` (plugins/problem-json.ts). With REDIS_URL the counts are kept in Redis,
 * shared by every instance (limits/redis-limit-store.ts).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { groupOf, type RateLimits } from '../limits/groups';
import { SharedLimitStore } from '../limits/limit-store';
import { RedisLimitStore } from '../limits/redis-limit-store';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where rate limits are counted: in Redis across instances (`degraded`: alone, while it fails), or in memory. */
    rateLimitState: () => { backend: 'memory' | 'redis'; state: 'healthy' | 'degraded' };
  }
}

const MINUTE_MS = 60_000;

/** The plugin makes its store with `new Store()`: `new` on a function that returns an object gives that object. */
const handing = (store: RedisLimitStore) =>
  function Store() {
    return store;
  } as unknown as typeof SharedLimitStore;

/** The limits, and the Redis that counts them across instances (REDIS_URL), if any. */
export interface RateLimitOptions {
  limits: RateLimits;
  redisUrl: string | null;
}

const plugin: FastifyPluginAsync<RateLimitOptions> = async (app, { limits, redisUrl }) => {
  // Before the plugin's own onRoute hook, which reads what this one sets.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const group = groupOf(methods[0]!, route.url);
    if (!group || !(limits[group] > 0)) return;
    route.config = {
      ...route.config,
      rateLimit: { max: limits[group], timeWindow: MINUTE_MS, groupId: group },
    };
  });
  const shared = redisUrl ? new RedisLimitStore(redisUrl) : null;
  if (shared) app.addHook('onClose', () => shared.close());
  app.decorate('rateLimitState', () =>
    shared
      ? {
          backend: 'redis' as const,
          state: shared.state === 'shared' ? ('healthy' as const) : ('degraded' as const),
        }
      : { backend: 'memory' as const, state: 'healthy' as const },
  );
  await app.register(rateLimit, {
    global: false,
    // The plugin makes its store with `new`: a class that hands back the one shared store.
    store: shared ? handing(shared) : SharedLimitStore,
  });
};

/** Rate limits by route group; register it before the routes it limits. */
export const rateLimits = fp(plugin, { name: 'rate-limits' });
