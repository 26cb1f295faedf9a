/**
 * The shared backend (DATABASE_URL): branches and configurations in one PostgreSQL, which several
 * proxy instances use at once. Each instance LISTENs on a connection of its own and hears every
 * committed write (its own included); when that connection is lost it reconnects by itself, with a
 * growing pause, and then announces a `resync` so that the services compare their change tokens
 * (anything committed meanwhile was notified to nobody). While the database does not answer, the
 * status is `degraded`.
 */
import pg from 'pg';
import type { Store, StoreChange, StoreStatus } from '../store';
import { CHANGES_CHANNEL, PgDatabase, type ChangePayload } from './pg-database';
import { migratePostgres } from './migrations';
import { PostgresBranchStore } from './postgres-branch-store';
import { PostgresConfigStore } from './postgres-config-store';

/** The first pause before reconnecting the listener; doubled on each failure up to the next. */
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 2000;

/** The LISTEN connection, kept open. */
class ChangeListener {
  connected = false;
  private client: pg.Client | null = null;
  private stopped = false;
  private pause = RECONNECT_MIN_MS;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly url: string;
  private readonly onPayload: (payload: string) => void;
  private readonly onReconnect: () => void;

  constructor(url: string, onPayload: (payload: string) => void, onReconnect: () => void) {
    this.url = url;
    this.onPayload = onPayload;
    this.onReconnect = onReconnect;
  }

  /** Connects and listens, or throws (a start against a database that is not there). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) this.onPayload(message.payload);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.client = null;
      await client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.connected = true;
    this.pause = RECONNECT_MIN_MS;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    client.end().catch(() => {});
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.connect().then(this.onReconnect, () => {
        this.pause = Math.min(this.pause * 2, RECONNECT_MAX_MS);
        this.retry();
      });
    }, this.pause);
    this.timer.unref();
  }
}

export class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly branches: PostgresBranchStore;
  readonly configs: PostgresConfigStore;
  /** The pool, for tests and the import command. */
  readonly db: PgDatabase;
  private readonly listener: ChangeListener | null;
  private readonly listeners = new Set<(change: StoreChange) => void>();

  constructor(db: PgDatabase, options: { listen: boolean; now?: () => number }) {
    this.db = db;
    this.branches = new PostgresBranchStore(db);
    this.configs = new PostgresConfigStore(db, options.now);
    this.listener = options.listen
      ? new ChangeListener(
          db.url,
          (payload) => this.notified(payload),
          () => {
            // It answers again: so will the pool.
            db.failing = false;
            this.emit({ kind: 'resync', local: false });
          },
        )
      : null;
  }

  /** Starts listening (when asked to). */
  async start(): Promise<void> {
    await this.listener?.start();
  }

  status(): StoreStatus {
    const up = !this.db.failing && (this.listener?.connected ?? true);
    return { backend: 'postgres', state: up ? 'healthy' : 'degraded' };
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.listener?.stop();
    await this.db.close();
  }

  private notified(raw: string): void {
    let payload: ChangePayload;
    try {
      payload = JSON.parse(raw) as ChangePayload;
    } catch {
      return; // Not ours (someone else's NOTIFY on the channel).
    }
    const local = payload.from === this.db.instance;
    if (payload.kind === 'branches') this.emit({ kind: 'branches', local });
    else if (payload.kind === 'config' && typeof payload.id === 'string')
      this.emit({ kind: 'config', id: payload.id, local });
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/**
 * Connects to DATABASE_URL, migrates, and (unless `listen: false`, as for the import command)
 * starts listening. Throws, with nothing left open, when the database cannot be used.
 */
export async function openPostgresStore(
  url: string,
  options: { listen?: boolean; now?: () => number } = {},
): Promise<PostgresStore> {
  const db = new PgDatabase(url);
  const store = new PostgresStore(db, { listen: options.listen ?? true, now: options.now });
  try {
    await migratePostgres(db.pool);
    await store.start();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}
