/**
 * The API described from the same schemas that validate it, at `GET /openapi.json`: every route
 * registered after this plugin, in the context that registers it, is described (unless hidden).
 */
import swagger from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

const plugin: FastifyPluginAsync = async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'branch-picker proxy',
        version: '1',
        description:
          'Branches, search, cost and delivery time, and saved configurations for the <branch-picker> widget. Errors are application/problem+json.',
      },
    },
  });
  // Registered above the public context (to describe the configuration routes too), so it says
  // itself what that context would: any site may read the description.
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    return app.swagger();
  });
};

/** `GET /openapi.json`. */
export const openapi = fp(plugin, { name: 'openapi' });
