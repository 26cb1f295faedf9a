/**
 * The branches the proxy serves: a store underneath (SQLite or PostgreSQL), an in-memory snapshot
 * on top, so that every read is synchronous and goes on while the database is down. On an empty
 * store it stores the seed (the demo network) so a fresh `npm start` shows a map. It notices commits
 * by other processes or instances through the store's change token, looked at every interval and
 * whenever the store notifies a change, and swaps in a new snapshot.
 */
import type { Branch } from '#core/branch';
import type { BranchStore } from '../store/branch-store';
import type { Store } from '../store/store';
import { BranchIndex } from './branch-index';
import { SubsetEncoder } from './subsets/subset-encoder';

export interface BranchServiceOptions {
  /** Stored when the database holds no branches at all. */
  seed?: () => readonly Branch[];
  /** Called after a reload, with the new snapshot (for logs). */
  onReload?: (index: BranchIndex) => void;
}

/** How a watch reports trouble: each new error once, and the recovery. */
export interface WatchReport {
  onError?: (error: unknown) => void;
  onRecovered?: () => void;
}

export class BranchService {
  readonly repository: BranchStore;
  private snapshot: BranchIndex;
  private version: string;
  private timer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly onReload?: (index: BranchIndex) => void;
  /** Encodes the parts of the network asked for, off the main thread, for every snapshot. */
  private readonly subsets: SubsetEncoder;
  /** The check in flight, and whether another was asked for meanwhile. */
  private checking: Promise<boolean> | undefined;
  private again = false;

  private constructor(
    repository: BranchStore,
    snapshot: BranchIndex,
    version: string,
    subsets: SubsetEncoder,
    options: BranchServiceOptions,
  ) {
    this.repository = repository;
    this.snapshot = snapshot;
    this.version = version;
    this.subsets = subsets;
    this.onReload = options.onReload;
  }

  /** Seeds an empty store, then loads the first snapshot. */
  static async open(
    repository: BranchStore,
    options: BranchServiceOptions = {},
  ): Promise<BranchService> {
    if (options.seed && (await repository.count()) === 0) {
      await repository.apply(options.seed(), { mode: 'merge', ifEmpty: true });
    }
    const version = await repository.changeToken();
    const subsets = new SubsetEncoder();
    const snapshot = new BranchIndex(await repository.all(), subsets);
    return new BranchService(repository, snapshot, version, subsets, options);
  }

  /** The current snapshot. Hold on to it for the length of one request. */
  get current(): BranchIndex {
    return this.snapshot;
  }

  /** Rebuilds the snapshot from the database now. */
  async reload(): Promise<BranchIndex> {
    // The token first: a commit landing between the two is then seen again on the next look.
    const version = await this.repository.changeToken();
    const branches = await this.repository.all();
    this.snapshot = new BranchIndex(branches, this.subsets);
    this.version = version;
    this.onReload?.(this.snapshot);
    return this.snapshot;
  }

  /**
   * Reloads when someone has committed since the last look; true when it did. Calls while one runs
   * share it, and one more runs after it (the commit that prompted them may have come too late).
   */
  reloadIfChanged(): Promise<boolean> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    const check = async (): Promise<boolean> => {
      let reloaded = false;
      do {
        this.again = false;
        if ((await this.repository.changeToken()) !== this.version) {
          await this.reload();
          reloaded = true;
        }
      } while (this.again);
      return reloaded;
    };
    this.checking = check().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /**
   * Looks for outside commits every `intervalMs` (0: never), and whenever `store` notifies a change
   * of branches (or a reconnect). A database that cannot be read (a broken import, PostgreSQL down)
   * never stops the process: the last good snapshot stays served, `onError` hears each new error
   * once (not every tick), and `onRecovered` when reading works again.
   */
  watch(intervalMs: number, report: WatchReport = {}, store?: Pick<Store, 'onChange'>): void {
    this.stop();
    let failing: string | null = null;
    const look = () =>
      this.reloadIfChanged().then(
        () => {
          if (failing !== null) report.onRecovered?.();
          failing = null;
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          if (message !== failing) report.onError?.(error);
          failing = message;
        },
      );
    if (intervalMs > 0) {
      this.timer = setInterval(() => void look(), intervalMs);
      this.timer.unref();
    }
    this.unsubscribe = store?.onChange((change) => {
      if (change.kind !== 'config') void look();
    });
  }

  /** Stops watching the database. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Stops watching, waits for a reload in flight, and stops the subset worker. */
  async close(): Promise<void> {
    this.stop();
    await this.checking?.catch(() => {});
    await this.subsets.stop();
  }
}
