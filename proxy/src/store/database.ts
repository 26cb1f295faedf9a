/**
 * The proxy's SQLite database (better-sqlite3): a file by default, `:memory:` in tests. Migrations
 * are numbered steps applied in order inside one transaction each; `PRAGMA user_version` records
 * how far a database has come, so an old file is brought up to date at start and never twice.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Each entry moves the schema one version forward. Never edit a released step: add one. */
export const MIGRATIONS: readonly string[] = [
  // 1: branches as JSON documents (the model is the contract; SQL holds what lookups need), their
  // opening hours apart and shared (thousands of branches keep the same few schedules: a fifth of
  // the bytes to store and parse), the history of imports, and small key-value state (the sync).
  `
  CREATE TABLE schedules (
    hash TEXT PRIMARY KEY,
    data TEXT NOT NULL
  );
  CREATE TABLE branches (
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    hash TEXT NOT NULL,
    hours TEXT NOT NULL REFERENCES schedules (hash),
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX branches_source ON branches (source);
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    origin TEXT NOT NULL,
    format TEXT NOT NULL,
    mode TEXT NOT NULL,
    read INTEGER NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    rejected INTEGER NOT NULL
  );
  CREATE TABLE state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: saved widget configurations (proxy/src/configs/): the current document with its version and
  // the SHA-256 of the owner's token (never the token), and every version ever saved, so that a
  // merchant can go back on a bad save. `pochta_widget_id` is unique: a drop-in finds one by it.
  `
  CREATE TABLE configs (
    id TEXT PRIMARY KEY,
    token_hash BLOB NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    pochta_widget_id INTEGER UNIQUE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE config_versions (
    config_id TEXT NOT NULL REFERENCES configs (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    PRIMARY KEY (config_id, version)
  ) WITHOUT ROWID;
  `,
];

/**
 * A database the proxy cannot open or migrate, with the variable that named it and the place as it
 * may be shown (a DATABASE_URL without its user and password).
 */
export class DatabaseUnusable extends Error {
  readonly path: string;
  readonly variable: 'DATABASE_PATH' | 'DATABASE_URL';
  constructor(
    file: string,
    cause: unknown,
    variable: DatabaseUnusable['variable'] = 'DATABASE_PATH',
  ) {
    // `localhost` refused on both ::1 and 127.0.0.1 is an AggregateError with no message of its own.
    const first: unknown =
      cause instanceof AggregateError && !cause.message ? (cause.errors[0] as unknown) : cause;
    const { message, code } = first as { message?: string; code?: string };
    super(`${message || String(first)}${code ? ` (${code})` : ''}`, { cause });
    this.name = 'DatabaseUnusable';
    this.path = file;
    this.variable = variable;
  }
}

/** Opens (creating if needed) and migrates a database. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A second process (an import run while the proxy serves) waits for the writer instead of failing.
  db.pragma('busy_timeout = 10000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `The database is at schema version ${version}, newer than this proxy knows (${MIGRATIONS.length}): upgrade the proxy`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Changes whenever another connection commits: how a serving proxy notices an import. */
export const dataVersion = (db: Db): number =>
  db.pragma('data_version', { simple: true }) as number;
