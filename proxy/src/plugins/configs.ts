/**
 * Saved configurations for the whole server, decorated as `app.configs`: the configuration routes
 * read and write them, the quote routes price by them, the embed page takes its allowed sites from
 * them. Over `app.db`.
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { ConfigService } from '../configs/config-service';

declare module 'fastify' {
  interface FastifyInstance {
    /** Saved widget configurations. */
    configs: ConfigService;
  }
}

const plugin: FastifyPluginCallback = (app, _options, done) => {
  app.decorate('configs', new ConfigService(app.db));
  done();
};

/** `app.configs`; needs `app.db`. */
export const configsPlugin = fp(plugin, { name: 'configs', decorators: { fastify: ['db'] } });
