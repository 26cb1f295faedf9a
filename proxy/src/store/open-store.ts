/**
 * Picks and opens the proxy's database: PostgreSQL when DATABASE_URL is set (shared by every
 * instance), else the SQLite file at DATABASE_PATH. A database that cannot be used becomes a
 * `DatabaseUnusable` naming the variable, so that `main.ts` can say in one line what to change.
 */
import { DatabaseUnusable } from './database';
import { openPostgresStore } from './postgres/postgres-store';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

export interface StoreOptions {
  /** DATABASE_PATH: a SQLite file, or `:memory:`. */
  database: string;
  /** DATABASE_URL: a PostgreSQL to use instead; null for SQLite. */
  databaseUrl?: string | null;
}

/** A URL as it may appear in a log or a message: no user, no password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return 'the URL given';
  }
}

/** The store the options name; `listen: false` for a one-off writer (the import command). */
export async function openStore(options: StoreOptions, listen = true): Promise<Store> {
  if (options.databaseUrl) {
    try {
      return await openPostgresStore(options.databaseUrl, { listen });
    } catch (error) {
      throw new DatabaseUnusable(redactedUrl(options.databaseUrl), error, 'DATABASE_URL');
    }
  }
  try {
    return openSqliteStore(options.database);
  } catch (error) {
    throw new DatabaseUnusable(options.database, error);
  }
}
