/**
 * Keeps the network current from Russian Post when credentials are configured: downloads the branch
 * passport dump (`GET /1.0/unloading-passport/zip`, with the two documented auth headers), imports
 * it in place of the demo and the previous dump, and repeats daily. A failed sync keeps the data
 * that is there, and says so in /readyz and in the log. The credentials never leave this module.
 *
 * TODO(issue 11): on a shared PostgreSQL (DATABASE_URL) every instance runs its own sync, so the dump
 * is downloaded once per instance (the later imports find it unchanged); one instance should claim
 * each run (an advisory lock, or a compare-and-set on the stored status) and the others adopt it.
 */
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

/** The sync of one server: `start()` on listen, `stop()` on close, `runOnce()` on demand. */
export class PochtaSync {
  private readonly config: PochtaSyncConfig;
  private readonly branches: BranchService;
  private readonly log: FastifyBaseLogger;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<SyncStatus> | undefined;
  private current: SyncStatus;

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
    if (this.current.state === 'running')
      this.current = { ...this.current, state: 'failed', error: 'interrupted by a restart' };
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

  /** Syncs now, then every interval. */
  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.config.intervalMs);
    this.timer.unref();
  }

  /** Stops the schedule and waits for a sync in flight, so that the database can close after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sync; concurrent calls share it. Never throws: the outcome is in the status. */
  runOnce(): Promise<SyncStatus> {
    this.running ??= this.sync().finally(() => {
      this.running = undefined;
    });
    return this.running;
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
