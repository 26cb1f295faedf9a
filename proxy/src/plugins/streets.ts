/**
 * The street basemap, when BASEMAP_PMTILES names an archive: opened and checked before the server
 * listens (a bad file stops the start with StreetArchiveUnusable), decorated as `app.streets`
 * (null without one), and closed with the server.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerConfig } from '../config';
import { StreetArchive } from '../streets/archive';

declare module 'fastify' {
  interface FastifyInstance {
    /** The street basemap's archive, or null when the offline basemap is the default. */
    streets: StreetArchive | null;
  }
}

const plugin: FastifyPluginAsync<Pick<ServerConfig, 'basemapPmtiles'>> = async (app, options) => {
  if (!options.basemapPmtiles) {
    app.decorate('streets', null);
    return;
  }
  const archive = await StreetArchive.open(options.basemapPmtiles);
  app.decorate('streets', archive);
  app.addHook('onClose', () => archive.close());
};

export const streetsPlugin = fp(plugin, { name: 'streets' });
