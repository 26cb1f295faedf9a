/**
 * Headers every answer carries: `X-Content-Type-Options: nosniff`, so that a browser never runs a
 * JSON or tile answer as a script or a page.
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';

const plugin: FastifyPluginCallback = (app, _options, done) => {
  // Hooks on every request are callback-style: an async hook costs a promise per request.
  app.addHook('onRequest', (_request, reply, next) => {
    reply.header('x-content-type-options', 'nosniff');
    next();
  });
  done();
};

/** The security headers, for the whole server. */
export const securityHeaders = fp(plugin, { name: 'security-headers' });
