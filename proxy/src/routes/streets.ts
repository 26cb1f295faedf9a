/**
 * The street basemap (`app.streets`, from BASEMAP_PMTILES): its tiles at
 * `/basemap/streets/{z}/{x}/{y}.mvt` and its style at `/basemap/streets/style{-dark}{-en}.json`.
 * With it, the default style the widget asks for, `/basemap/style{-dark}{-en}.json`, is the street
 * one too: every widget, pinned versions included, draws streets without a change on the page.
 *
 * Tiles go out as the archive stores them (gzip, passed through), with an ETag tied to the file.
 * A tile inside the grid that the archive does not hold (sea, beyond its box, below or above its
 * zooms) is a 204, which MapLibre draws empty; outside the grid, a 400 problem.
 */
import negotiate from '@fastify/accept-negotiator';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { STYLE_VARIANTS } from '../../basemap/style';
import { encodeBody, notModified, sendEncoded, type EncodedBody } from '../encoded-body';
import { HttpProblem } from '../errors';
import { GRID_MAX_ZOOM, StreetArchive } from '../streets/archive';
import { streetStyle } from '../streets/style';
import { tileCoordinates, type TileParams } from './tile-coordinates';

/** A day, then revalidated by ETag: an archive replaced by a newer build shows within a day. */
const TILE_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';
/** Short: a proxy given (or relieved of) a street basemap shows it within minutes. */
const STYLE_CACHE = 'public, max-age=300';
/**
 * Eight styles are compressed once at start, on the thread that answers: quality 9 takes 94 ms for
 * all eight and sends 3.9 KB; 11 took 550-740 ms to save 0.3 KB each.
 */
const STYLE_BROTLI_QUALITY = 9;

export const streetRoutes: FastifyPluginAsync = async (app) => {
  const archive = app.streets;
  if (!archive) {
    app.get('/basemap/streets/*', { schema: { hide: true } }, async () => {
      throw new HttpProblem(
        404,
        'no-street-basemap',
        'This proxy serves no street basemap: its operator has not set BASEMAP_PMTILES.',
      );
    });
    return;
  }

  const sendStyle = (reply: FastifyReply, body: EncodedBody): FastifyReply => {
    reply.header('cache-control', STYLE_CACHE).type('application/json; charset=utf-8');
    return sendEncoded(reply.request, reply, body);
  };
  for (const { file, dark, lang } of STYLE_VARIANTS) {
    const encode = (prefix: '' | '../'): EncodedBody =>
      encodeBody(
        Buffer.from(JSON.stringify(streetStyle(archive.summary, { dark, lang, prefix }))),
        STYLE_BROTLI_QUALITY,
      );
    const own = encode('../');
    const asDefault = encode('');
    const hide = { schema: { hide: true } };
    app.get(`/basemap/streets/${file}`, hide, (_req, reply) => sendStyle(reply, own));
    app.get(`/basemap/${file}`, hide, (_req, reply) => sendStyle(reply, asDefault));
  }

  app.get<{ Params: TileParams }>(
    '/basemap/streets/:z/:x/:y.mvt',
    { schema: { hide: true } },
    async (request, reply) => {
      const [z, x, y] = tileCoordinates(request.params, GRID_MAX_ZOOM);
      reply.header('cache-control', TILE_CACHE);
      let tile;
      try {
        tile = await archive.tile(z, x, y);
      } catch (error) {
        request.log.error({ err: error }, 'street basemap: a tile could not be read');
        throw new HttpProblem(
          503,
          'basemap-unreadable',
          'The street basemap archive could not be read; the map shows the offline basemap there.',
          { cause: error },
        );
      }
      if (!tile) return reply.code(204).send();
      reply.type('application/vnd.mapbox-vector-tile');
      if (notModified(request, reply, tile.etag)) return reply.code(304).send();
      const accepted = negotiate(request.headers['accept-encoding'] ?? '', ['gzip', 'identity']);
      if (tile.encoding === 'gzip' && accepted === 'gzip') {
        return reply.header('content-encoding', 'gzip').send(tile.data);
      }
      return reply.send(await StreetArchive.decoded(tile));
    },
  );
};
