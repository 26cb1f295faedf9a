/**
 * Files the proxy hosts: the built widget (`/widget/`), the offline basemap (`/basemap/`), the
 * configurator (`/configurator/`) and the demo checkout (`/`). Pre-compressed `.br`/`.gz` siblings
 * written by the build are served when the client accepts them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { constants } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { tileCoordinates, type TileParams } from './tile-coordinates';

export interface StaticRoutesOptions {
  distDir: string;
  publicDir: string;
  configuratorDir: string;
}

/**
 * What never changes may be cached for a year: Vite's `name-HASH.js` chunks, and everything in a
 * version folder (`/widget/0.1.0/…`, which a shop pins). Tested on the file's name without the
 * `.br`/`.gz` of a pre-compressed copy, so that the policy does not depend on the encoding.
 */
const HASHED = /-[A-Za-z0-9_-]{8,}\.(js|mjs|css|woff2|png|svg|map)$/;
const VERSIONED = /[/\\]widget[/\\]\d+\.\d+\.\d+[^/\\]*[/\\]/;
const COMPRESSED_COPY = /\.(br|gz)$/;
const widgetPolicy = (file: string): string => {
  const name = file.replace(COMPRESSED_COPY, '');
  return HASHED.test(name) || VERSIONED.test(name) ? IMMUTABLE : SHORT;
};
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The entry script keeps its name across releases: short cache, revalidated by ETag. */
const SHORT = 'public, max-age=300';
const BASEMAP = 'public, max-age=86400';
const MAX_TILE_ZOOM = 14;
/** Smaller answers gain nothing from compression. */
const COMPRESS_THRESHOLD = 1024;
/** Brotli on the fly: quality 5 is within a few percent of 11 for a page, at a fraction of the time. */
const ON_THE_FLY_BROTLI_QUALITY = 5;

const cacheHeaders = (policy: (file: string) => string) => ({
  setHeaders(reply: FastifyReply, file: string) {
    reply.header('cache-control', policy(file));
  },
});

export const staticRoutes: FastifyPluginAsync<StaticRoutesOptions> = async (app, opts) => {
  const tilesDir = path.join(opts.distDir, 'basemap', 'tiles');

  // Every text file goes out compressed: what the build pre-compressed as it is (brotli 11), the
  // rest (pages, styles) on the fly at a quality that costs a millisecond. Only in this context:
  // the API's answers are small or compressed already, and the quote path stays lean.
  await app.register(compress, {
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: ON_THE_FLY_BROTLI_QUALITY } },
  });

  // A tile the build left out holds nothing (open sea): 204 draws it empty, where a 404 would put
  // an error in the buyer's console for every sea tile.
  app.get<{ Params: TileParams }>('/basemap/tiles/:z/:x/:y.pbf', async (request, reply) => {
    const [z, x, y] = tileCoordinates(request.params, MAX_TILE_ZOOM);
    reply.header('cache-control', BASEMAP);
    try {
      const body = await readFile(path.join(tilesDir, String(z), String(x), `${y}.pbf`));
      return reply.type('application/x-protobuf').send(body);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reply.code(204).send();
      throw error;
    }
  });

  await app.register(fastifyStatic, {
    root: path.join(opts.distDir, 'widget'),
    prefix: '/widget/',
    preCompressed: true,
    cacheControl: false,
    ...cacheHeaders(widgetPolicy),
  });
  await app.register(fastifyStatic, {
    root: path.join(opts.distDir, 'basemap'),
    prefix: '/basemap/',
    decorateReply: false,
    preCompressed: true,
    cacheControl: false,
    ...cacheHeaders(() => BASEMAP),
  });
  await app.register(fastifyStatic, {
    root: opts.configuratorDir,
    prefix: '/configurator/',
    decorateReply: false,
    cacheControl: false,
    ...cacheHeaders(() => SHORT),
  });
  app.get('/configurator', (_request, reply) => reply.redirect('/configurator/', 301));
  await app.register(fastifyStatic, {
    root: opts.publicDir,
    prefix: '/',
    decorateReply: false,
    cacheControl: false,
    ...cacheHeaders(() => SHORT),
  });
};
