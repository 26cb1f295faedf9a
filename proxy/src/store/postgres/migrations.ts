/**
 * The PostgreSQL schema (DATABASE_URL), as numbered steps like SQLite's (store/database.ts): each
 * applied once, in a transaction of its own, holding a transaction-scoped advisory lock, so that
 * two instances starting together take turns and the second finds the step done; the table
 * `schema_migrations` records each version applied.
 */
import type pg from 'pg';

/** Each entry moves the schema one version forward. Never edit a released step: add one. */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: the tables of SQLite's migrations 1 and 2 (the same columns, so the stores read alike):
  // branches as JSON text with shared schedules, the import history, key-value state, saved
  // configurations with every version; and `data_versions`, one row per scope bumped in each
  // write transaction, which instances poll in case a notification was missed.
  `
  CREATE TABLE schedules (
    hash text PRIMARY KEY,
    data text NOT NULL
  );
  CREATE TABLE branches (
    id text PRIMARY KEY,
    source text NOT NULL,
    hash text NOT NULL,
    hours text NOT NULL REFERENCES schedules (hash),
    data text NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE INDEX branches_source ON branches (source);
  CREATE TABLE imports (
    id bigserial PRIMARY KEY,
    started_at bigint NOT NULL,
    finished_at bigint NOT NULL,
    origin text NOT NULL,
    format text NOT NULL,
    mode text NOT NULL,
    read integer NOT NULL,
    added integer NOT NULL,
    updated integer NOT NULL,
    unchanged integer NOT NULL,
    removed integer NOT NULL,
    rejected integer NOT NULL
  );
  CREATE TABLE state (
    key text PRIMARY KEY,
    value text NOT NULL
  );
  CREATE TABLE configs (
    id text PRIMARY KEY,
    token_hash bytea NOT NULL,
    version integer NOT NULL,
    data text NOT NULL,
    pochta_widget_id bigint UNIQUE,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE TABLE config_versions (
    config_id text NOT NULL REFERENCES configs (id) ON DELETE CASCADE,
    version integer NOT NULL,
    data text NOT NULL,
    saved_at bigint NOT NULL,
    PRIMARY KEY (config_id, version)
  );
  CREATE TABLE data_versions (
    scope text PRIMARY KEY,
    version bigint NOT NULL
  );
  INSERT INTO data_versions (scope, version) VALUES ('branches', 0), ('configs', 0);
  `,
];

/** The advisory lock key the migrations hold ("bpmigrat" as a number: any constant of our own). */
const MIGRATION_LOCK = 0x62706d69;

/**
 * Brings the database up to date; returns the versions this call applied (another instance may
 * have applied the rest). Throws when the database is newer than this proxy knows.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly string[] = PG_MIGRATIONS,
): Promise<number[]> {
  const applied: number[] = [];
  for (let v = 1; v <= migrations.length; v++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Held to the end of the transaction: a second instance waits here, then sees the step done.
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ max: number | null }>(
        'SELECT max(version) AS max FROM schema_migrations',
      );
      const current = rows[0]?.max ?? 0;
      if (current > migrations.length)
        throw new Error(
          `the database is at schema version ${current}, newer than this proxy knows (${migrations.length}): upgrade the proxy`,
        );
      if (current < v) {
        await client.query(migrations[v - 1]!);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
        applied.push(v);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return applied;
}
