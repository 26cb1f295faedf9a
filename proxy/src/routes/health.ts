/**
 * `GET /healthz` (the process answers) and `GET /readyz` (it has branches to serve). Readiness also
 * shows what degrades without failing: the quote source and each upstream's circuit (quotes keep
 * answering, stale or estimated, when Russian Post does not), and the sync's last outcome (a failed
 * sync keeps the old data serving).
 */
import type { FastifyPluginCallback } from 'fastify';

/** The probes; reads `app.branches`, `app.quotes` and `app.sync`. */
export const healthRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const size = app.branches.current.size;
    const ready = size > 0;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      branches: size,
      quotes: app.quotes.status(),
      ...(app.sync ? { sync: app.sync.status() } : {}),
    });
  });
  done();
};
