/**
 * Saved widget configurations, `/api/v1/configs`: create (or import an export), read (the public
 * part for any allowed page, everything for the owner), save over a version (`If-Match`), delete,
 * a new owner token, the history and a restore. Registered outside the public CORS context: reads
 * answer only their configuration's allowed sites (configs/origin-policy.ts), writes only the
 * proxy's own origin, and no preflight is ever granted.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONFIG_ID_SOURCE,
  type CreatedConfig,
  type OwnerConfig,
  type PublicConfig,
} from '#core/widget-config';
import {
  ownerView,
  publicView,
  type ConfigEntry,
  type Credentials,
} from '../configs/config-service';
import { guardRead, guardWrite, readableProblem, varyOn } from '../configs/origin-policy';
import { HttpProblem } from '../errors';

/** Readers revalidate every time (a 304 is cheap): a merchant's save shows at the next load. */
const PUBLIC_CACHE = 'no-cache';
/** What only the owner sees is kept by nobody. */
const OWNER_CACHE = 'private, no-store';
const WWW_AUTHENTICATE = 'Bearer realm="branch-picker configurations"';

const idParam = {
  type: 'string',
  pattern: `^${CONFIG_ID_SOURCE}$`,
  description: 'a configuration id: 12 lower-case letters and digits, as the configurator gives it',
} as const;
const positive = (description: string) =>
  ({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description }) as const;
const params = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['id', ...Object.keys(extra)],
  properties: { id: idParam, ...extra },
});

type ById = { Params: { id: string } };
type ByVersion = { Params: { id: string; version: number } };

const etagOf = (entry: ConfigEntry): string => `"${entry.stored.version}"`;

/** The bearer token; null for another scheme or an empty one; undefined with no header at all. */
function bearer(request: FastifyRequest): Credentials | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** The entry, when the request carries its owner's token (401 with the challenge, or 403). */
async function owned(
  app: Parameters<FastifyPluginAsync>[0],
  request: FastifyRequest<ById>,
  reply: FastifyReply,
): Promise<ConfigEntry> {
  const entry = await app.configs.get(request.params.id);
  const credentials = bearer(request) ?? null;
  if (credentials === null) reply.header('www-authenticate', WWW_AUTHENTICATE);
  return app.configs.authorize(entry, credentials);
}

/**
 * The version `If-Match` names, for a compare-and-swap: null for `*`; -1 (which never matches)
 * for a weak or unreadable tag; a 412 at once when it is not the current version; a 428 when the
 * header is missing and `required`.
 */
function expectedVersion(
  request: FastifyRequest,
  entry: ConfigEntry,
  required: boolean,
): number | null {
  const header = request.headers['if-match'];
  if (header === undefined) {
    if (!required) return null;
    throw new HttpProblem(
      428,
      'if-match-required',
      `Saving needs If-Match: "${entry.stored.version}" (the ETag of the version you read), so that a save never overwrites one you have not seen.`,
    );
  }
  if (header.trim() === '*') return null;
  const tags = [...header.matchAll(/(W\/)?"(\d+)"/g)].map((m) => (m[1] ? -1 : Number(m[2])));
  const current = entry.stored.version;
  if (!tags.includes(current))
    throw new HttpProblem(
      412,
      'config-changed',
      `Configuration ${entry.stored.id} is at version ${current}, not ${header}: read it again, then save your changes over it.`,
    );
  return current;
}

/** The public part, with its ETag; a 304 when the reader has it. */
function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: ConfigEntry,
): PublicConfig | FastifyReply {
  const etag = etagOf(entry);
  reply.header('etag', etag).header('cache-control', PUBLIC_CACHE);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return publicView(entry.stored);
}

/** An owner's answer: everything, its ETag, kept by no cache. */
function sendOwner(reply: FastifyReply, entry: ConfigEntry): OwnerConfig {
  reply.header('etag', etagOf(entry)).header('cache-control', OWNER_CACHE);
  return ownerView(entry.stored);
}

const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export const configRoutes: FastifyPluginAsync = async (app) => {
  const { configs } = app;
  // Before the body is read: a write from another site is refused whatever it carries.
  app.addHook('onRequest', (request, _reply, next) => {
    if (!WRITES.has(request.method)) return next();
    try {
      guardWrite(request);
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  const refusePreflight = async (): Promise<never> => {
    throw new HttpProblem(
      403,
      'cross-origin-refused',
      'Configurations allow no cross-origin requests beyond a plain GET of one (no custom headers); they are changed only from the configurator on this proxy.',
    );
  };
  app.options('/configs', { schema: { hide: true } }, refusePreflight);
  app.options('/configs/*', { schema: { hide: true } }, refusePreflight);

  app.post(
    '/configs',
    {
      schema: { summary: 'Save a new configuration, or import an exported one' },
    },
    async (request, reply): Promise<CreatedConfig> => {
      const { entry, token } = await configs.create(request.body);
      reply.code(201).header('location', `${request.url.split('?')[0]}/${entry.stored.id}`);
      return { config: sendOwner(reply, entry), token };
    },
  );

  app.get<ById>(
    '/configs/:id',
    {
      schema: {
        summary: 'A configuration: its public part, or with the owner token all of it (the export)',
        params: params(),
      },
    },
    async (request, reply) => {
      readableProblem(request, reply);
      const entry = await configs.get(request.params.id);
      guardRead(request, reply, entry);
      varyOn(reply, 'Authorization');
      if (bearer(request) === undefined) return sendPublic(request, reply, entry);
      return sendOwner(reply, await owned(app, request, reply));
    },
  );

  app.get<{ Params: { n: number } }>(
    '/configs/by-pochta-widget/:n',
    {
      schema: {
        summary: 'The public part of the configuration that replaces a widget.pochta.ru widget',
        params: {
          type: 'object',
          required: ['n'],
          properties: { n: positive('the widget.pochta.ru widget id, a whole number above 0') },
        },
      },
    },
    async (request, reply) => {
      readableProblem(request, reply);
      const entry = await configs.byPochtaWidget(request.params.n);
      if (!entry)
        throw new HttpProblem(
          404,
          'config-not-found',
          `No saved configuration replaces widget.pochta.ru widget ${request.params.n}: set it as the configuration's widget.pochta.ru id in the configurator.`,
          { errors: [{ field: 'params.n', message: 'is the pochtaWidgetId of no configuration' }] },
        );
      guardRead(request, reply, entry);
      return sendPublic(request, reply, entry);
    },
  );

  app.put<ById>(
    '/configs/:id',
    {
      schema: { summary: 'Save a new version over the one If-Match names', params: params() },
    },
    async (request, reply) => {
      const entry = await owned(app, request, reply);
      const expected = expectedVersion(request, entry, true);
      return sendOwner(reply, await configs.update(entry.stored.id, expected, request.body));
    },
  );

  app.delete<ById>(
    '/configs/:id',
    { schema: { summary: 'Delete a configuration and its history', params: params() } },
    async (request, reply) => {
      const entry = await owned(app, request, reply);
      await configs.delete(entry.stored.id, expectedVersion(request, entry, false));
      return reply.code(204).header('cache-control', OWNER_CACHE).send();
    },
  );

  app.post<ById>(
    '/configs/:id/token',
    {
      schema: { summary: 'A new owner token; the old one stops working', params: params() },
    },
    async (request, reply): Promise<CreatedConfig> => {
      const entry = await owned(app, request, reply);
      const rotated = await configs.rotateToken(entry.stored.id);
      return { config: sendOwner(reply, rotated.entry), token: rotated.token };
    },
  );

  app.get<ById>(
    '/configs/:id/versions',
    { schema: { summary: 'Every saved version, newest first', params: params() } },
    async (request, reply) => {
      const entry = await owned(app, request, reply);
      reply.header('etag', etagOf(entry)).header('cache-control', OWNER_CACHE);
      return {
        id: entry.stored.id,
        version: entry.stored.version,
        versions: (await configs.versions(entry.stored.id)).map((v) => ({
          version: v.version,
          savedAt: new Date(v.savedAt).toISOString(),
        })),
      };
    },
  );

  app.post<ByVersion>(
    '/configs/:id/versions/:version/restore',
    {
      schema: {
        summary: 'Save an old version again, as the newest',
        params: params({ version: positive('a saved version, from GET …/versions') }),
      },
    },
    async (request, reply) => {
      const entry = await owned(app, request, reply);
      const expected = expectedVersion(request, entry, true);
      return sendOwner(
        reply,
        await configs.restore(entry.stored.id, request.params.version, expected),
      );
    },
  );
};
