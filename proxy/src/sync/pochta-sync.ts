/**
 * Keeps the network current from Russian Post when credentials are configured: downloads the branch
 * passport dump (`GET /1.0/unloading-passport/zip`, with the two documented auth headers), imports
 * it in place of the demo and the previous dump, and repeats daily. A failed sync keeps the data
 * that is there, and says so in /readyz and in the log. The credentials never leave this module.
 *
 *
 * Several instances on one database sync once between them: the status is shared (in the database),
 * each instance looks every `checkEveryMs` whether a sync is due, and the one that takes the lease
 * (`BranchStore.claimLease`) runs it, renewing the lease while it works; the others adopt the
 * stored outcome and reload when the import's commit reaches them. An instance that dies or hangs
 * mid-sync stops renewing, and the next one to look after its lease ran out takes over. (A lease
 * rather than a session advisory lock: it also frees the job from an instance that hangs without
 * dying, works through a transaction-pooling PgBouncer, and behaves the same on SQLite.)
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { BranchService } from '../branches/branch-service';
import { runImport, type ImportReport } from '../importers/run-import';

/** Where and how to sync, from the environment (`ENV` in config.ts). */
export interface PochtaSyncConfig {
  /** Otpravka API base (OTPRAVKA_URL). */
  url: string;
  /** Application token from the otpravka.pochta.ru cabinet (`Authorization: AccessToken …`). */
  token: string;
  /** pochta.ru account login and password (`X-User-Authorization: Basic …`). */
  login: string;
  password: string;
  /** Between syncs (SYNC_INTERVAL_HOURS). */
  intervalMs: number;
  /** For the whole download (SYNC_TIMEOUT_SECONDS): the archive is tens of megabytes. */
  timeoutMs: number;
  /** Which objects (OTPRAVKA_SYNC_TYPE): ALL, OPS, PVZ or APS. */
  kind: 'ALL' | 'OPS' | 'PVZ' | 'APS';
  /** Above this share of rejected rows a dump is not applied (a format change). Default 0.05. */
  maxRejectedShare?: number;
  /** How long the sync is an instance's without a renewal (renewed each third of it). Default 60 s. */
  leaseMs?: number;
  /** How often each instance looks whether a sync is due. Default a minute, at most the interval. */
  checkEveryMs?: number;
}

/** The sync's last outcome, as `/readyz` shows it; kept in the database across restarts. */
export interface SyncStatus {
  state: 'never' | 'running' | 'ok' | 'failed';
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** Why the last attempt failed; client-safe (no upstream body). */
  error?: string;
  /** Counts of the last successful import. */
  lastImport?: Omit<ImportReport, 'problems' | 'notes'>;
}

const STATE_KEY = 'sync.pochta';
const LEASE_KEY = 'lease.sync.pochta';
const LEASE_MS = 60_000;
const CHECK_EVERY_MS = 60_000;

/** The sync of one server: `start()` on listen, `stop()` on close, `runOnce()` on demand. */
export class PochtaSync {
  private readonly config: PochtaSyncConfig;
  private readonly branches: BranchService;
  private readonly log: FastifyBaseLogger;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<SyncStatus> | undefined;
  private current: SyncStatus;
  /** This instance, as the lease names it. */
  private readonly holder = randomUUID();

  private constructor(
    config: PochtaSyncConfig,
    branches: BranchService,
    log: FastifyBaseLogger,
    current: SyncStatus,
  ) {
    this.config = config;
    this.branches = branches;
    this.log = log;
    this.current = current;
  }

  /** The sync, with its last outcome read from the database. */
  static async open(
    config: PochtaSyncConfig,
    branches: BranchService,
    log: FastifyBaseLogger,
  ): Promise<PochtaSync> {
    const current = await branches.repository.getState<SyncStatus>(STATE_KEY);
    return new PochtaSync(config, branches, log, current ?? { state: 'never' });
  }

  status(): SyncStatus {
    return this.current;
  }

  /** Looks now, then every `checkEveryMs`, and syncs when one is due and the lease is ours. */
  start(): void {
    const every = Math.min(this.config.checkEveryMs ?? CHECK_EVERY_MS, this.config.intervalMs);
    void this.check();
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  /** Adopts the shared status, and syncs if one is due. Never throws. */
  async check(): Promise<SyncStatus> {
    if (this.running) return this.running;
    try {
      const shared = await this.branches.repository.getState<SyncStatus>(STATE_KEY);
      if (shared) this.current = shared;
    } catch (error) {
      this.log.warn({ sync: 'pochta', err: error }, 'the sync status could not be read');
      return this.current;
    }
    return this.isDue(this.current) ? this.once(true) : this.current;
  }

  /**
   * Due when never run or the last attempt is an interval old; "running" with a lease that ran out
   * means its instance died, so it is due too (the claim tells: a live runner still holds it).
   */
  private isDue(status: SyncStatus): boolean {
    if (status.state === 'never' || status.state === 'running' || !status.lastAttemptAt)
      return true;
    return Date.now() - Date.parse(status.lastAttemptAt) >= this.config.intervalMs;
  }

  /** Stops the schedule and waits for a sync in flight, so that the database can close after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * One sync now, if no other instance is running one; concurrent calls share it. Never throws:
   * the outcome is in the status.
   */
  runOnce(): Promise<SyncStatus> {
    return this.once(false);
  }

  /** The sync in flight, or a new one under the lease; concurrent callers share it. */
  private once(onlyIfDue: boolean): Promise<SyncStatus> {
    this.running ??= this.leased(onlyIfDue).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * The sync under the lease: taken first, renewed while it works, given up after. `onlyIfDue`:
   * the status is read again once the lease is ours, since the instance that had it may have just
   * finished a sync.
   */
  private async leased(onlyIfDue: boolean): Promise<SyncStatus> {
    const leaseMs = this.config.leaseMs ?? LEASE_MS;
    const store = this.branches.repository;
    try {
      if (!(await store.claimLease(LEASE_KEY, this.holder, leaseMs))) return this.current;
      const shared = onlyIfDue ? await store.getState<SyncStatus>(STATE_KEY) : undefined;
      if (shared && !this.isDue(shared)) {
        this.current = shared;
        await store.releaseLease(LEASE_KEY, this.holder);
        return shared;
      }
    } catch (error) {
      this.log.warn(
        { sync: 'pochta', err: error },
        'the sync lease could not be taken; not syncing',
      );
      return this.current;
    }
    const renew = setInterval(() => {
      store.claimLease(LEASE_KEY, this.holder, leaseMs).then(
        (kept) => {
          if (!kept) this.log.warn({ sync: 'pochta' }, 'the sync lease went to another instance');
        },
        (error: unknown) =>
          this.log.warn({ sync: 'pochta', err: error }, 'the sync lease could not be renewed'),
      );
    }, leaseMs / 3);
    try {
      return await this.sync();
    } finally {
      clearInterval(renew);
      await store.releaseLease(LEASE_KEY, this.holder).catch(() => undefined);
    }
  }

  private async sync(): Promise<SyncStatus> {
    const attemptAt = new Date().toISOString();
    await this.save({ ...this.current, state: 'running', lastAttemptAt: attemptAt });
    const url = `${this.config.url.replace(/\/$/, '')}/1.0/unloading-passport/zip?type=${this.config.kind}`;
    try {
      const data = await this.download(url);
      const report = await runImport(this.branches.repository, data, {
        fileName: 'unloading-passport.zip',
        format: 'pochta-passport',
        mode: 'replace',
        // The real network replaces the demo and the previous dump; other carriers' imports stay.
        replaceSources: ['demo', 'pochta-passport'],
        origin: 'sync',
        ...(this.config.maxRejectedShare === undefined
          ? {}
          : { maxRejectedShare: this.config.maxRejectedShare }),
      });
      await this.branches.reload();
      const { problems: _problems, notes: _notes, ...counts } = report;
      this.log.info({ sync: 'pochta', ...counts }, 'passport sync applied');
      if (report.problems.length)
        this.log.warn(
          { sync: 'pochta', problems: report.problems.slice(0, 20) },
          'passport rows rejected',
        );
      return this.save({
        state: 'ok',
        lastAttemptAt: attemptAt,
        lastSuccessAt: new Date().toISOString(),
        lastImport: counts,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(
        { sync: 'pochta', err: error },
        `passport sync failed, keeping the current data: ${message}`,
      );
      return this.save({
        ...this.current,
        state: 'failed',
        lastAttemptAt: attemptAt,
        error: message,
      });
    }
  }

  private async download(url: string): Promise<Buffer> {
    const basic = Buffer.from(`${this.config.login}:${this.config.password}`).toString('base64');
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          Authorization: `AccessToken ${this.config.token}`,
          'X-User-Authorization': `Basic ${basic}`,
          Accept: 'application/octet-stream',
        },
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new Error(
        timedOut
          ? `no complete answer from ${url} in ${this.config.timeoutMs / 1000} s`
          : `cannot reach ${url}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new Error(
        `Russian Post refused the credentials (HTTP ${response.status}): check OTPRAVKA_TOKEN, OTPRAVKA_LOGIN, OTPRAVKA_PASSWORD`,
      );
    }
    if (!response.ok)
      throw new Error(`Russian Post answered HTTP ${response.status} to the passport download`);
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new Error(`the passport download broke off: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Keeps the outcome, in the database too when it answers (a failed write leaves it in memory). */
  private async save(status: SyncStatus): Promise<SyncStatus> {
    this.current = status;
    try {
      await this.branches.repository.setState(STATE_KEY, status);
    } catch (error) {
      this.log.error({ sync: 'pochta', err: error }, 'the sync status could not be stored');
    }
    return status;
  }
}
