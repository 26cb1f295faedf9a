/**
 * Rate limits per route group (limits/groups.ts), for the whole server: registered before the routes,
 * it gives each route of a limited group its limit, and leaves every other route without the
 * plugin's hook at all (static files and tiles cost nothing). A request over the limit gets a 429
 * problem with `Retry-After` (plugins/problem-json.ts).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { groupOf, type RateLimits } from '../limits/groups';
import { SharedLimitStore } from '../limits/limit-store';

const MINUTE_MS = 60_000;

const plugin: FastifyPluginAsync<RateLimits> = async (app, limits) => {
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
  await app.register(rateLimit, { global: false, store: SharedLimitStore });
};

/** Rate limits by route group; register it before the routes it limits. */
export const rateLimits = fp(plugin, { name: 'rate-limits' });
