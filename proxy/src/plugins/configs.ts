/**
 * Saved configurations for the whole server, decorated as `app.configs`: the configuration routes
 * read and write them, the quote routes price by them, the embed page takes its allowed sites from
 * them. Over `app.store`, following the changes other instances make (RELOAD_INTERVAL_MS, and
 * PostgreSQL's notifications).
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerConfig } from '../config';
import { ConfigService } from '../configs/config-service';

declare module 'fastify' {
  interface FastifyInstance {
    /** Saved widget configurations. */
    configs: ConfigService;
  }
}

/** The part of the configuration about saved configurations. */
export type ConfigsOptions = Pick<ServerConfig, 'reloadIntervalMs'>;

const plugin: FastifyPluginCallback<ConfigsOptions> = (app, options, done) => {
  const configs = new ConfigService(app.store.configs);
  app.decorate('configs', configs);
  configs.watch(options.reloadIntervalMs, app.store);
  app.addHook('onClose', (_instance, next) => {
    configs.stop();
    next();
  });
  done();
};

/** `app.configs`; needs `app.store`. */
export const configsPlugin = fp(plugin, { name: 'configs', decorators: { fastify: ['store'] } });
