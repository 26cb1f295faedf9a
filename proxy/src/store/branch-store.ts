/**
 * Where branches are kept, as the proxy uses it: read them all (to build the in-memory indexes),
 * apply a batch in one transaction, keep small state (the sync's), record imports, and tell cheaply
 * whether anyone has committed since the last look. SQLite (`sqlite-store.ts`) and PostgreSQL
 * (`postgres/postgres-branch-store.ts`) implement it; both pass `branch-store.contract.ts`.
 */
import type { Branch } from '#core/branch';
import type { ApplyMode, ApplyOptions, ApplyResult } from './branch-repository';

export type { ApplyMode, ApplyOptions, ApplyResult } from './branch-repository';

/** One import, for the history table. */
export interface ImportLogEntry {
  startedAt: number;
  origin: string;
  format: string;
  mode: ApplyMode;
  read: number;
  rejected: number;
  result: ApplyResult;
}

export interface BranchStore {
  /** How many branches are stored. */
  count(): Promise<number>;
  /** Every branch, by id; branches with one schedule share one `hours` object. */
  all(): Promise<Branch[]>;
  /** Applies a batch atomically: all of it, or (on any error) none of it. */
  apply(branches: readonly Branch[], options: ApplyOptions): Promise<ApplyResult>;
  /** A value set by `setState`, as JSON round-trips it. */
  getState<T>(key: string): Promise<T | undefined>;
  setState(key: string, value: unknown): Promise<void>;
  /**
   * Takes or renews the lease `key` for `holder` for `ttlMs`, atomically: true when `holder` has it
   * now (it was free, expired, or already its own), false while another holder's lease runs. So
   * that of several instances on one database one does a job, and another takes over when it dies.
   */
  claimLease(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if `holder` still has it. */
  releaseLease(key: string, holder: string): Promise<void>;
  /** Records an import in the history. */
  logImport(entry: ImportLogEntry): Promise<void>;
  /**
   * Differs from the last answer once branches have been committed by another writer: cheap enough
   * to ask every second. (SQLite: `data_version`; PostgreSQL: a version row bumped by each write.)
   */
  changeToken(): Promise<string>;
}
