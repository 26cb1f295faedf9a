/**
 * Branch data for the widget: the network (or a box of it) in the compact transport, one branch in
 * full, search, and nearby. Public and read-only, so any origin may read it (CORS is set by the
 * enclosing plugin). Query strings are validated by the schemas below, which also name what is
 * allowed in the 400 a client gets.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  BRANCH_ID_RULE,
  BRANCH_ID_SOURCE,
  BRANCH_TYPES,
  type Branch,
  type BranchType,
} from '#core/branch';
import type { BBox, LonLat } from '#core/geo';
import { toSummary, type SearchAnswer } from '#core/summary';
import type { NetworkPart } from '../branches/branch-index';
import { HttpProblem } from '../errors';
import { sendEncoded } from '../encoded-body';

/** Most ids `/branches/summaries` takes at once. */
const MAX_SUMMARIES = 100;
const NUMBER = '-?\\d{1,3}(\\.\\d+)?';

/** Clients may keep the network for ten minutes, then revalidate with the ETag (a 304 is cheap). */
const NETWORK_CACHE = 'public, max-age=600, stale-while-revalidate=86400';
const BRANCH_CACHE = 'public, max-age=600';
const SEARCH_CACHE = 'public, max-age=300';

const typesSchema = {
  type: 'string',
  pattern: `^(${BRANCH_TYPES.join('|')})(,(${BRANCH_TYPES.join('|')}))*$`,
  description: `a comma-separated list of ${BRANCH_TYPES.join(', ')}`,
} as const;

const lonLatSchema = (what: string) =>
  ({
    type: 'string',
    pattern: `^${NUMBER},${NUMBER}$`,
    description: `"longitude,latitude" of ${what}, such as 46.03,51.53`,
  }) as const;

export type { BranchSummary } from '#core/summary';

const parseTypes = (raw: string | undefined): BranchType[] | undefined =>
  raw ? (raw.split(',') as BranchType[]) : undefined;

function parseLonLat(raw: string, field: string): LonLat {
  const [lon, lat] = raw.split(',').map(Number) as [number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new HttpProblem(
      400,
      'invalid-parameter',
      `${field} ${raw} is off the planet: longitude -180 to 180, latitude -90 to 90`,
      {
        errors: [{ field, message: 'must have longitude -180 to 180 and latitude -90 to 90' }],
      },
    );
  }
  return { lon, lat };
}

function parseBBox(raw: string): BBox {
  const box = raw.split(',').map(Number) as BBox;
  const [w, s, e, n] = box;
  const problems: string[] = [];
  if ([w, e].some((x) => Math.abs(x) > 180)) problems.push('west and east must be -180 to 180');
  if ([s, n].some((y) => Math.abs(y) > 90)) problems.push('south and north must be -90 to 90');
  if (s > n) problems.push('south must not be north of north');
  if (problems.length) {
    const message = problems.join('; ');
    throw new HttpProblem(400, 'invalid-parameter', `query.bbox ${raw}: ${message}`, {
      errors: [{ field: 'query.bbox', message }],
    });
  }
  return box;
}

function sendNetwork(
  request: FastifyRequest,
  reply: FastifyReply,
  network: NetworkPart,
): FastifyReply {
  // The box served, which covers the one asked for: it is snapped to a grid to share a cache entry.
  if (network.bbox) reply.header('x-bbox', network.bbox.join(','));
  reply
    .header('cache-control', NETWORK_CACHE)
    .header('x-branch-count', String(network.count))
    .type('application/json; charset=utf-8');
  return sendEncoded(request, reply, network);
}

/** The branch routes; they read `app.branches`, the snapshot of the moment. */
export const branchRoutes: FastifyPluginAsync = async (app) => {
  const { branches } = app;
  app.get<{ Querystring: { bbox?: string; types?: string } }>(
    '/branches',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            bbox: {
              type: 'string',
              pattern: `^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`,
              description: '"west,south,east,north" in degrees, such as 45.9,51.4,46.2,51.7',
            },
            types: typesSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { bbox, types } = request.query;
      const network = await branches.current.part(
        bbox ? parseBBox(bbox) : undefined,
        parseTypes(types),
      );
      return sendNetwork(request, reply, network);
    },
  );

  app.get<{ Querystring: { q: string; near?: string; limit: number; types?: string } }>(
    '/branches/search',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['q'],
          properties: {
            q: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: '1 to 100 characters: a postal code, a town, a street',
            },
            near: lonLatSchema('the point to rank by distance from'),
            limit: {
              type: 'integer',
              minimum: 1,
              maximum: 50,
              default: 10,
              description: 'a whole number from 1 to 50',
            },
            types: typesSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { q, near, limit, types } = request.query;
      const index = branches.current;
      const at = near ? parseLonLat(near, 'query.near') : undefined;
      const found = index.search.find(q, {
        limit,
        ...(at ? { near: at } : {}),
        ...(types ? { types: parseTypes(types) } : {}),
      });
      reply.header('cache-control', SEARCH_CACHE);
      const answer: SearchAnswer = {
        query: q,
        results: found.hits.map((h) => toSummary(h.branch, h.distance)),
        places: found.places,
        ...(found.unmatched.length ? { unmatched: found.unmatched } : {}),
        ...(found.layout ? { layout: found.layout } : {}),
      };
      return answer;
    },
  );

  app.get<{
    Querystring: { lon: number; lat: number; limit: number; types?: string; radius?: number };
  }>(
    '/branches/nearby',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['lon', 'lat'],
          properties: {
            lon: {
              type: 'number',
              minimum: -180,
              maximum: 180,
              description: 'a longitude from -180 to 180',
            },
            lat: {
              type: 'number',
              minimum: -90,
              maximum: 90,
              description: 'a latitude from -90 to 90',
            },
            limit: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 10,
              description: 'a whole number from 1 to 100',
            },
            radius: {
              type: 'number',
              exclusiveMinimum: 0,
              maximum: 1000,
              description: 'kilometres, more than 0 and at most 1000',
            },
            types: typesSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { lon, lat, limit, types, radius } = request.query;
      const hits = branches.current.nearby(lon, lat, limit, parseTypes(types), radius ?? Infinity);
      reply.header('cache-control', SEARCH_CACHE);
      return { results: hits.map((h) => toSummary(h.branch, h.distance)) };
    },
  );

  app.get<{ Querystring: { ids: string } }>(
    '/branches/summaries',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['ids'],
          properties: {
            ids: {
              type: 'string',
              pattern: `^${BRANCH_ID_SOURCE}(,${BRANCH_ID_SOURCE}){0,${MAX_SUMMARIES - 1}}$`,
              description: `a comma-separated list of 1 to ${MAX_SUMMARIES} branch ids`,
            },
          },
        },
      },
    },
    async (request, reply) => {
      const index = branches.current;
      const results = request.query.ids
        .split(',')
        .map((id) => index.get(id))
        .filter((b): b is Branch => b !== undefined)
        .map((b) => toSummary(b));
      reply.header('cache-control', BRANCH_CACHE);
      return { results };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/branches/:id',
    {
      schema: {
        params: {
          type: 'object',
          properties: {
            id: {
              type: 'string',
              pattern: `^${BRANCH_ID_SOURCE}$`,
              description: BRANCH_ID_RULE,
            },
          },
          required: ['id'],
        },
      },
    },
    async (request, reply) => {
      const branch = branches.current.get(request.params.id);
      if (!branch)
        throw new HttpProblem(404, 'branch-not-found', `No branch has id "${request.params.id}".`);
      return reply.header('cache-control', BRANCH_CACHE).send(branch);
    },
  );
};
