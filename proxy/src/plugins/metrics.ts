/**
 * Metrics for the whole server: decorates `app.metrics` (the registry of `../metrics.ts`), counts
 * every answer by route pattern, method and status, logs it at debug level, and serves
 * `GET /metrics` for Prometheus.
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { Metrics } from '../metrics';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's metrics; plugins add what they count. */
    metrics: Metrics;
  }
}

const plugin: FastifyPluginCallback = (app, _options, done) => {
  const metrics = new Metrics();
  app.decorate('metrics', metrics);
  // Callback-style, as every per-request hook: an async hook costs a promise per request.
  app.addHook('onResponse', (request, reply, next) => {
    metrics.request(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode);
    // A log line per request halves the cached quote path's throughput: debug level only.
    if (
      (request.log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('debug')
    ) {
      request.log.debug(
        {
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    next();
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.text()),
  );
  done();
};

/** `app.metrics`, the per-request count and `GET /metrics`. */
export const metricsPlugin = fp(plugin, { name: 'metrics' });
