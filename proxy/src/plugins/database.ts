/**
 * The server's database, decorated as `app.store`: branches and saved configurations, in the SQLite
 * file at DATABASE_PATH or, with DATABASE_URL, in a PostgreSQL shared by every instance. Opened (and
 * migrated) at registration, closed with the server, after every plugin registered later has
 * closed (Fastify runs `onClose` hooks last-added first).
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { openStore, type StoreOptions } from '../store/open-store';
import type { Store } from '../store/store';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database. */
    store: Store;
  }
}

/** DATABASE_PATH and DATABASE_URL. */
export type DatabaseOptions = StoreOptions;

const plugin: FastifyPluginAsync<DatabaseOptions> = async (app, options) => {
  // A database that cannot be used rejects the registration with a DatabaseUnusable.
  const store = await openStore(options);
  app.decorate('store', store);
  app.addHook('onClose', () => store.close());
};

/** `app.store`, with its lifecycle. */
export const databasePlugin = fp(plugin, { name: 'database' });
