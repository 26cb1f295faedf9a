/**
 * `GET /healthz` (the process answers) and `GET /readyz` (it has branches to serve). Readiness also
 * shows what degrades without failing: the quote source and each upstream's circuit (quotes keep
 * answering, stale or estimated, when Russian Post does not), the quote cache (`degraded` while its
 * Redis is unreachable: answers are then cached in memory), the database (`degraded` while
 * PostgreSQL does not answer: branches are then served from memory and writes get a 503), and the
 * sync's last outcome (a failed sync keeps the old data serving).
 */
import type { FastifyPluginCallback } from 'fastify';

/** The probes; reads `app.branches`, `app.quotes`, `app.quoteCache`, `app.rateLimitState`, `app.store`
 * and `app.sync`.
 */
export const healthRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const size = app.branches.current.size;
    // A degraded cache leaves readiness at 200: the instance still answers every quote (from its
    // memory tier, or from Russian Post), and every instance shares the one Redis, so a 503 would
    // take them all out of the load balancer at once, turning a slower cache into an outage. The
    // same goes for a degraded database: every instance still serves every read from memory.
    const ready = size > 0;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      branches: size,
      quotes: app.quotes.status(),
      cache: app.quoteCache.status(),
      rateLimits: app.rateLimitState(),
      database: app.store.status(),
      basemap: app.streets ? { kind: 'streets', ...app.streets.status() } : { kind: 'offline' },
      ...(app.sync ? { sync: app.sync.status() } : {}),
    });
  });
  done();
};
