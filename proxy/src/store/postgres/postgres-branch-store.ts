/**
 * Branches in PostgreSQL: the tables and rules of the SQLite repository (store/branch-repository.ts)
 * — JSON documents with shared schedules, added/updated/unchanged told apart by a hash, one
 * transaction per batch — written in bulk (`unnest` of arrays, a few statements for thousands of
 * rows). Batches from several instances take turns under an advisory lock, and each commit bumps the
 * branches' data version and notifies the other instances.
 */
import type { Branch, BranchHours } from '#core/branch';
import { planApply, type ApplyOptions, type ApplyResult } from '../branch-repository';
import type { BranchStore, ImportLogEntry } from '../branch-store';
import type { PgDatabase } from './pg-database';

/** Rows per statement in a bulk write. */
const CHUNK = 5000;
/** The advisory lock batches hold ("bpbranch"): any constant of our own, apart from migrations'. */
const APPLY_LOCK = 0x62706272;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

export class PostgresBranchStore implements BranchStore {
  private readonly db: PgDatabase;

  constructor(db: PgDatabase) {
    this.db = db;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM branches');
    return rows[0]!.n;
  }

  async all(): Promise<Branch[]> {
    // One snapshot for both tables, as SQLite's single connection gives.
    return this.db.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const schedules = new Map(
        (
          await client.query<{ hash: string; data: string }>('SELECT hash, data FROM schedules')
        ).rows.map((r) => [r.hash, JSON.parse(r.data) as BranchHours]),
      );
      // By id in byte order, as SQLite sorts.
      const { rows } = await client.query<{ hours: string; data: string }>(
        'SELECT hours, data FROM branches ORDER BY id COLLATE "C"',
      );
      return rows.map(({ hours, data }) => {
        const branch = JSON.parse(data) as Omit<Branch, 'hours'>;
        return { ...branch, hours: schedules.get(hours)! };
      });
    });
  }

  apply(branches: readonly Branch[], options: ApplyOptions): Promise<ApplyResult> {
    const now = Date.now();
    return this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPLY_LOCK]);
      const existing = new Map(
        (
          await client.query<{ id: string; hash: string; source: string }>(
            'SELECT id, hash, source FROM branches',
          )
        ).rows.map((r) => [r.id, r]),
      );
      const plan = planApply(branches, existing, options);
      const { result, schedules, writes, removed } = plan;
      if (plan.skipped) return result;
      for (const part of chunks(schedules)) {
        await client.query(
          'INSERT INTO schedules (hash, data) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (hash) DO NOTHING',
          [part.map((s) => s.hash), part.map((s) => s.json)],
        );
      }
      for (const part of chunks(writes)) {
        const column = (i: number) => part.map((w) => w[i]);
        await client.query(
          `INSERT INTO branches (id, source, hash, hours, data, updated_at)
           SELECT id, source, hash, hours, data, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             AS t (id, source, hash, hours, data)
           ON CONFLICT (id) DO UPDATE SET source = excluded.source, hash = excluded.hash,
             hours = excluded.hours, data = excluded.data, updated_at = excluded.updated_at`,
          [column(0), column(1), column(2), column(3), column(4), now],
        );
      }
      for (const part of chunks(removed)) {
        await client.query('DELETE FROM branches WHERE id = ANY($1::text[])', [part]);
      }
      if (result.updated || result.removed) {
        await client.query(
          'DELETE FROM schedules s WHERE NOT EXISTS (SELECT 1 FROM branches b WHERE b.hours = s.hash)',
        );
      }
      if (result.added || result.updated || result.removed)
        await this.db.changed(client, 'branches', { kind: 'branches' });
      return result;
    });
  }

  async getState<T>(key: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ value: string }>(
      'SELECT value FROM state WHERE key = $1',
      [key],
    );
    return rows[0] === undefined ? undefined : (JSON.parse(rows[0].value) as T);
  }

  async setState(key: string, value: unknown): Promise<void> {
    await this.db.query(
      'INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, JSON.stringify(value)],
    );
  }

  /** See `BranchStore.claimLease`: the database's clock, so that the instances' clocks never matter. */
  async claimLease(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `WITH clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
       INSERT INTO state (key, value)
       SELECT $1, json_build_object('holder', $2::text, 'until', ms + $3::bigint)::text FROM clock
       ON CONFLICT (key) DO UPDATE SET value = excluded.value
       WHERE state.value::json->>'holder' = $2
          OR (state.value::json->>'until')::bigint < (SELECT ms FROM clock)`,
      [key, holder, Math.round(ttlMs)],
    );
    return rowCount === 1;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    await this.db.query("DELETE FROM state WHERE key = $1 AND value::json->>'holder' = $2", [
      key,
      holder,
    ]);
  }

  async logImport(entry: ImportLogEntry): Promise<void> {
    const { result } = entry;
    await this.db.query(
      `INSERT INTO imports (started_at, finished_at, origin, format, mode, read, added, updated, unchanged, removed, rejected)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        entry.startedAt,
        Date.now(),
        entry.origin,
        entry.format,
        entry.mode,
        entry.read,
        result.added,
        result.updated,
        result.unchanged,
        result.removed,
        entry.rejected,
      ],
    );
  }

  changeToken(): Promise<string> {
    return this.db.version('branches');
  }
}
