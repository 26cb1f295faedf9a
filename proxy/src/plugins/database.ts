/**
 * The server's one SQLite connection, decorated as `app.db`: branches and saved configurations share
 * it (one file, one writer). Opened (and migrated) at registration, closed with the server, after
 * every plugin registered later has closed (Fastify runs `onClose` hooks last-added first).
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { DatabaseUnusable, openDatabase, type Db } from '../store/database';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database (better-sqlite3). */
    db: Db;
  }
}

/** DATABASE_PATH: a file, or `:memory:`. */
export interface DatabaseOptions {
  database: string;
}

const plugin: FastifyPluginCallback<DatabaseOptions> = (app, options, done) => {
  let db: Db;
  try {
    db = openDatabase(options.database);
  } catch (error) {
    // Through `done`: thrown here it would escape the server's start as an uncaught exception.
    done(new DatabaseUnusable(options.database, error));
    return;
  }
  app.decorate('db', db);
  app.addHook('onClose', (_instance, next) => {
    db.close();
    next();
  });
  done();
};

/** `app.db`, with its lifecycle. */
export const databasePlugin = fp(plugin, { name: 'database' });
