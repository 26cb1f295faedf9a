/**
 * Branch data for the widget: the whole network in the compact transport, and one branch in full.
 * Public and read-only, so any origin may read it (CORS is set by the enclosing plugin).
 */
import negotiate from '@fastify/accept-negotiator';
import type { FastifyPluginAsync } from 'fastify';
import type { BranchStore } from '../branches/branch-store';
import { HttpProblem } from '../errors';

export interface BranchRoutesOptions {
  store: BranchStore;
}

/** Ids are stable strings from the sources: postal indexes, carrier codes. */
const ID_PATTERN = '^[A-Za-z0-9._:-]{1,64}$';

/** Clients may keep the network for ten minutes, then revalidate with the ETag (a 304 is cheap). */
const NETWORK_CACHE = 'public, max-age=600, stale-while-revalidate=86400';
const BRANCH_CACHE = 'public, max-age=600';

export const branchRoutes: FastifyPluginAsync<BranchRoutesOptions> = async (app, { store }) => {
  app.get('/branches', async (request, reply) => {
    const network = store.network();
    reply
      .header('cache-control', NETWORK_CACHE)
      .header('etag', network.etag)
      .header('vary', 'accept-encoding')
      .type('application/json; charset=utf-8');
    if (request.headers['if-none-match'] === network.etag) return reply.code(304).send();
    const offered = network.brotli ? ['br', 'gzip', 'identity'] : ['gzip', 'identity'];
    const encoding = negotiate(request.headers['accept-encoding'] ?? '', offered) ?? 'identity';
    if (encoding === 'br' && network.brotli)
      return reply.header('content-encoding', 'br').send(network.brotli);
    if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(network.gzip);
    return reply.send(network.identity);
  });

  app.get<{ Params: { id: string } }>(
    '/branches/:id',
    {
      schema: {
        params: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
              pattern: ID_PATTERN,
              description: '1 to 64 letters, digits, ".", "_", ":" or "-"',
            },
          },
          required: ['id'],
        },
      },
    },
    async (request, reply) => {
      const branch = store.get(request.params.id);
      if (!branch) {
        throw new HttpProblem(404, 'branch-not-found', `No branch has id "${request.params.id}".`);
      }
      return reply.header('cache-control', BRANCH_CACHE).send(branch);
    },
  );
};
