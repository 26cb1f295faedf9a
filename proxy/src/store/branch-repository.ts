/**
 * Branches in SQLite: read them all (to build the in-memory indexes), and apply a batch of them in
 * one transaction, telling added from updated from unchanged by a hash of their canonical JSON, so
 * that importing the same file twice changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Branch, BranchHours, BranchSource } from '#core/branch';
import type { ImportLogEntry } from './branch-store';
import type { Db } from './database';

export type ApplyMode = 'merge' | 'replace';

export interface ApplyOptions {
  mode: ApplyMode;
  /**
   * With `replace`: the sources whose branches the batch replaces (those not in the batch are
   * removed). Default: every source, so the store holds exactly the batch.
   */
  replaceSources?: readonly BranchSource[];
  /**
   * Apply only to a store that holds no branches, checked inside the transaction (seeding: of two
   * instances starting together on one empty database, the second finds the first's seed and
   * leaves it). Default false.
   */
  ifEmpty?: boolean;
}

export interface ApplyResult {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** JSON with keys sorted at every level: the same branch always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What tells a changed branch from an unchanged one. */
export const hashOf = (branch: Branch): string =>
  createHash('sha1').update(canonicalJson(branch)).digest('base64url');

/** A schedule's key in `schedules`, and its stored JSON. */
export function scheduleRow(hours: BranchHours): { hash: string; json: string } {
  const json = canonicalJson(hours);
  return { hash: createHash('sha1').update(json).digest('base64url'), json };
}

/** A batch against what is stored, as rows to write and ids to remove: what every backend applies. */
export interface ApplyPlan {
  /** `ifEmpty` and something is stored: nothing to do. */
  skipped: boolean;
  result: ApplyResult;
  /** Schedules the writes refer to, each once. */
  schedules: { hash: string; json: string }[];
  /** Branches new or changed: id, source, hash, schedule hash, JSON without the hours. */
  writes: [string, string, string, string, string][];
  /** Ids a `replace` drops. */
  removed: string[];
}

/** What applying `branches` over `existing` (id → hash and source) writes and removes. */
export function planApply(
  branches: readonly Branch[],
  existing: ReadonlyMap<string, { hash: string; source: string }>,
  options: ApplyOptions,
): ApplyPlan {
  const result: ApplyResult = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const plan: ApplyPlan = { skipped: false, result, schedules: [], writes: [], removed: [] };
  if (options.ifEmpty && existing.size > 0) return { ...plan, skipped: true };
  const scheduleHashes = new Map<BranchHours, string>();
  const seen = new Set<string>();
  for (const branch of branches) {
    seen.add(branch.id);
    const hash = hashOf(branch);
    const before = existing.get(branch.id);
    if (before?.hash === hash) {
      result.unchanged++;
      continue;
    }
    let hoursHash = scheduleHashes.get(branch.hours);
    if (!hoursHash) {
      const row = scheduleRow(branch.hours);
      hoursHash = row.hash;
      plan.schedules.push(row);
      scheduleHashes.set(branch.hours, hoursHash);
    }
    const { hours: _hours, ...rest } = branch;
    plan.writes.push([branch.id, branch.source, hash, hoursHash, JSON.stringify(rest)]);
    if (before) result.updated++;
    else result.added++;
  }
  if (options.mode === 'replace') {
    const scope = options.replaceSources ? new Set<string>(options.replaceSources) : null;
    for (const [id, row] of existing) {
      if (seen.has(id) || (scope && !scope.has(row.source))) continue;
      plan.removed.push(id);
    }
  }
  result.removed = plan.removed.length;
  return plan;
}

export class BranchRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM branches').get() as { n: number }).n;
  }

  all(): Branch[] {
    const schedules = new Map(
      (
        this.db.prepare('SELECT hash, data FROM schedules').all() as {
          hash: string;
          data: string;
        }[]
      ).map((r) => [r.hash, JSON.parse(r.data) as BranchHours]),
    );
    const rows = this.db.prepare('SELECT hours, data FROM branches ORDER BY id').all() as {
      hours: string;
      data: string;
    }[];
    return rows.map(({ hours, data }) => {
      const branch = JSON.parse(data) as Omit<Branch, 'hours'>;
      // Branches with one schedule share one object, as they share one row.
      return { ...branch, hours: schedules.get(hours)! };
    });
  }

  /** Applies a batch atomically: all of it, or (on any error) none of it. */
  apply(branches: readonly Branch[], options: ApplyOptions): ApplyResult {
    const existing = new Map(
      (
        this.db.prepare('SELECT id, hash, source FROM branches').all() as {
          id: string;
          hash: string;
          source: string;
        }[]
      ).map((r) => [r.id, r]),
    );
    const plan = planApply(branches, existing, options);
    if (plan.skipped) return plan.result;
    const upsert = this.db.prepare(
      'INSERT INTO branches (id, source, hash, hours, data, updated_at) VALUES (?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (id) DO UPDATE SET source = excluded.source, hash = excluded.hash, hours = excluded.hours, ' +
        'data = excluded.data, updated_at = excluded.updated_at',
    );
    const schedule = this.db.prepare('INSERT OR IGNORE INTO schedules (hash, data) VALUES (?, ?)');
    const remove = this.db.prepare('DELETE FROM branches WHERE id = ?');
    const now = Date.now();
    const { result } = plan;
    this.db.transaction(() => {
      for (const row of plan.schedules) schedule.run(row.hash, row.json);
      for (const write of plan.writes) upsert.run(...write, now);
      for (const id of plan.removed) remove.run(id);
      if (result.updated || result.removed) {
        this.db.exec(
          'DELETE FROM schedules WHERE hash NOT IN (SELECT DISTINCT hours FROM branches)',
        );
      }
    })();
    return result;
  }

  getState<T>(key: string): T | undefined {
    const value = this.db.prepare('SELECT value FROM state WHERE key = ?').pluck().get(key) as
      string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  setState(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }

  /** See `BranchStore.claimLease`; one statement, so atomic against other processes on the file. */
  claimLease(key: string, holder: string, ttlMs: number, now = Date.now()): boolean {
    const taken = this.db
      .prepare(
        `INSERT INTO state (key, value) VALUES (?, json_object('holder', ?, 'until', ?))
         ON CONFLICT (key) DO UPDATE SET value = excluded.value
         WHERE json_extract(state.value, '$.holder') = ? OR json_extract(state.value, '$.until') < ?`,
      )
      .run(key, holder, now + ttlMs, holder, now);
    return taken.changes === 1;
  }

  releaseLease(key: string, holder: string): void {
    this.db
      .prepare("DELETE FROM state WHERE key = ? AND json_extract(value, '$.holder') = ?")
      .run(key, holder);
  }

  /** Records an import in the history table. */
  logImport(entry: ImportLogEntry): void {
    this.db
      .prepare(
        'INSERT INTO imports (started_at, finished_at, origin, format, mode, read, added, updated, unchanged, removed, rejected) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        entry.startedAt,
        Date.now(),
        entry.origin,
        entry.format,
        entry.mode,
        entry.read,
        entry.result.added,
        entry.result.updated,
        entry.result.unchanged,
        entry.result.removed,
        entry.rejected,
      );
  }
}
