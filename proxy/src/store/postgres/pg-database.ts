/**
 * One PostgreSQL pool (node-postgres) as the stores use it: queries and transactions whose
 * connection failures become `DatabaseUnavailable` (a 503 for writes) and mark the database as
 * failing until a query goes through again; and the notification each write transaction sends, so
 * that every instance hears of it (delivered by PostgreSQL at commit, never for a rollback).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DatabaseUnavailable, isConnectionError } from '../database-unavailable';

/** The channel every instance LISTENs on. */
export const CHANGES_CHANNEL = 'branch_picker_changes';

/** What a notification carries: the scope, the configuration for `config`, the sender. */
export interface ChangePayload {
  kind: 'branches' | 'config';
  id?: string;
  /** The `PgDatabase.instance` that wrote it. */
  from: string;
}

/** Connections per instance at most: reads come from memory, so few are ever busy. */
const POOL_SIZE = 5;
/** A pool that cannot connect in this long fails the query (then a 503), rather than hanging it. */
const CONNECT_TIMEOUT_MS = 3000;

export class PgDatabase {
  readonly pool: pg.Pool;
  readonly url: string;
  /** This process's mark on its notifications. */
  readonly instance = randomUUID();
  /** Whether the last query failed for want of a connection. */
  failing = false;

  constructor(url: string) {
    this.url = url;
    this.pool = new pg.Pool({
      connectionString: url,
      max: POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    // An idle connection cut by the server (a restart): the pool drops it and connects anew on
    // the next query. Unheard, the event would end the process.
    this.pool.on('error', () => {
      this.failing = true;
    });
  }

  /** One statement on any pooled connection. */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.guard(() => this.pool.query<R>(text, values));
  }

  /** `fn` inside BEGIN … COMMIT on one connection; rolled back if it throws. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      const client = await this.pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (isConnectionError(error)) broken = error;
        else await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
        throw error;
      } finally {
        // A connection that broke is thrown away, not handed to the next query.
        client.release(broken !== undefined);
      }
    });
  }

  /**
   * Marks a write to `scope` inside its transaction: the scope's data version goes up (for the
   * instances' periodic check) and a notification goes out at commit.
   */
  async changed(
    client: pg.PoolClient,
    scope: 'branches' | 'configs',
    payload: Omit<ChangePayload, 'from'>,
  ): Promise<void> {
    await client.query('UPDATE data_versions SET version = version + 1 WHERE scope = $1', [scope]);
    const message: ChangePayload = { ...payload, from: this.instance };
    await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(message)]);
  }

  /** The data version of `scope`, as a change token. */
  async version(scope: 'branches' | 'configs'): Promise<string> {
    const { rows } = await this.query<{ version: string }>(
      'SELECT version FROM data_versions WHERE scope = $1',
      [scope],
    );
    return rows[0]?.version ?? '0';
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      this.failing = false;
      return result;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      this.failing = true;
      throw new DatabaseUnavailable(error);
    }
  }
}
