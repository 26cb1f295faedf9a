/**
 * Rate limits per route group (limits/groups.ts), for the whole server: registered before the
 * routes, it gives each route of a limited group one callback-style `onRequest` hook, and every
 * other route none at all (static files and tiles cost nothing). A request over the limit gets a
 * 429 problem with `Retry-After`. Once a client has spent more than half of its minute's budget,
 * each answer also says `X-RateLimit-Limit`, `-Remaining` and `-Reset`, so that a script sees the
 * limit coming; below that (every buyer, always) nothing is said: three headers on every answer
 * cost the cached quote path about 0.35 µs of CPU a request (measured beside a bare route) and
 * 80 bytes, and tell a buyer's browser nothing. With REDIS_URL the counts are kept in Redis,
 * shared by every instance (limits/redis-limit-store.ts); without, in memory
 * (limits/limit-store.ts).
 *
 * Not `@fastify/rate-limit`'s hook: it costs four promises a request (an async hook, two async
 * helpers, a promise around the store's callback), which took a third of the cached quote path's
 * throughput (14,800 against 22,000 requests/s in one run). Here the memory store answers in the
 * same tick; only its client-address normalisation (IPv6 counted by /64) is borrowed.
 */
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyPluginAsync, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../errors';
import { groupOf, type LimitGroup, type RateLimits } from '../limits/groups';
import { SharedLimitStore, type LimitStore } from '../limits/limit-store';
import { RedisLimitStore } from '../limits/redis-limit-store';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where rate limits are counted: in Redis across instances (`degraded`: alone, while it fails), or in memory. */
    rateLimitState: () => { backend: 'memory' | 'redis'; state: 'healthy' | 'degraded' };
  }
}

const MINUTE_MS = 60_000;

/** The limits, and the Redis that counts them across instances (REDIS_URL), if any. */
export interface RateLimitOptions {
  limits: RateLimits;
  redisUrl: string | null;
}

const plugin: FastifyPluginAsync<RateLimitOptions> = async (app, { limits, redisUrl }) => {
  const shared = redisUrl ? new RedisLimitStore(redisUrl) : null;
  const store: LimitStore = shared ?? new SharedLimitStore();
  if (shared) app.addHook('onClose', () => shared.close());
  app.decorate('rateLimitState', () =>
    shared
      ? {
          backend: 'redis' as const,
          state: shared.state === 'shared' ? ('healthy' as const) : ('degraded' as const),
        }
      : { backend: 'memory' as const, state: 'healthy' as const },
  );

  /** The hook of one group: count the client's request, then let it through or answer 429. */
  const limiter = (group: LimitGroup, max: number): onRequestHookHandler =>
    function limit(request, reply, next) {
      // An IPv4 address is its own key; only IPv6 needs normalising (its big pattern costs).
      const ip = request.ip;
      store.incr(
        group,
        ip.includes(':') ? normalizeIP(ip) : ip,
        (error, current, ttlMs) => {
          // A count that failed lets the request through: a limit is no reason to refuse a buyer.
          if (error || current === undefined || ttlMs === undefined) return next();
          // Well within the budget (every buyer, always) the answer says nothing of limits.
          if (current * 2 <= max) return next();
          const resetS = Math.ceil(ttlMs / 1000);
          reply
            .header('x-ratelimit-limit', max)
            .header('x-ratelimit-remaining', Math.max(0, max - current))
            .header('x-ratelimit-reset', resetS);
          if (current <= max) return next();
          reply.header('retry-after', resetS);
          next(
            new HttpProblem(
              429,
              'rate-limited',
              `More than ${max} requests a minute from one address to these routes; retry in ${resetS} s.`,
            ),
          );
        },
        MINUTE_MS,
      );
    };

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const group = groupOf(methods[0]!, route.url);
    if (!group || !(limits[group] > 0)) return;
    const hook = limiter(group, limits[group]);
    const own = route.onRequest;
    route.onRequest = own === undefined ? [hook] : [...(Array.isArray(own) ? own : [own]), hook];
  });
};

/** Rate limits by route group; register it before the routes it limits. */
export const rateLimits = fp(plugin, { name: 'rate-limits' });
