/**
 * The branches the proxy serves: SQLite underneath, an in-memory snapshot on top. On an empty
 * database it stores the seed (the demo network) so a fresh `npm start` shows a map. It notices
 * commits from other processes (an import run from the command line) through SQLite's
 * `data_version`, and swaps in a new snapshot.
 */
import type { Branch } from '#core/branch';
import { dataVersion, type Db } from '../store/database';
import { BranchRepository } from '../store/branch-repository';
import { BranchIndex } from './branch-index';
import { SubsetEncoder } from './subsets/subset-encoder';

export interface BranchServiceOptions {
  /** Stored when the database holds no branches at all. */
  seed?: () => readonly Branch[];
  /** Called after a reload, with the new snapshot (for logs). */
  onReload?: (index: BranchIndex) => void;
}

export class BranchService {
  readonly repository: BranchRepository;
  private readonly db: Db;
  private snapshot: BranchIndex;
  private version: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onReload?: (index: BranchIndex) => void;
  /** Encodes the parts of the network asked for, off the main thread, for every snapshot. */
  private readonly subsets = new SubsetEncoder();

  constructor(db: Db, options: BranchServiceOptions = {}) {
    this.db = db;
    this.repository = new BranchRepository(db);
    this.onReload = options.onReload;
    if (options.seed && this.repository.count() === 0) {
      this.repository.apply(options.seed(), { mode: 'merge' });
    }
    this.snapshot = new BranchIndex(this.repository.all(), this.subsets);
    this.version = dataVersion(db);
  }

  /** The current snapshot. Hold on to it for the length of one request. */
  get current(): BranchIndex {
    return this.snapshot;
  }

  /** Rebuilds the snapshot from the database now. */
  reload(): BranchIndex {
    this.snapshot = new BranchIndex(this.repository.all(), this.subsets);
    this.version = dataVersion(this.db);
    this.onReload?.(this.snapshot);
    return this.snapshot;
  }

  /** Reloads when another connection has committed since the last look; true when it did. */
  reloadIfChanged(): boolean {
    if (dataVersion(this.db) === this.version) return false;
    this.reload();
    return true;
  }

  /**
   * Looks for outside commits every `intervalMs`. A database that cannot be read (a broken import,
   * a file swapped for garbage) never stops the process: the last good snapshot stays served, and
   * `onError` hears each new error once (not every tick), and `onRecovered` when reading works again.
   */
  watch(
    intervalMs: number,
    report: { onError?: (error: unknown) => void; onRecovered?: () => void } = {},
  ): void {
    this.stop();
    let failing: string | null = null;
    this.timer = setInterval(() => {
      try {
        this.reloadIfChanged();
        if (failing !== null) report.onRecovered?.();
        failing = null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== failing) report.onError?.(error);
        failing = message;
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops watching the database. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops watching, and the subset worker. */
  async close(): Promise<void> {
    this.stop();
    await this.subsets.stop();
  }
}
