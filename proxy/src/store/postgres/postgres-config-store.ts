/**
 * Saved configurations in PostgreSQL: the rules of the SQLite repository (configs/config-repository.ts)
 * — the current document and its history row in one transaction, compare-and-swap on the version
 * under a row lock — and each commit bumps the configurations' data version and notifies the other
 * instances with the id, so that they drop it from their caches.
 */
import type {
  ConfigStore,
  StoredConfig,
  VersionEntry,
  WriteRefusal,
} from '../../configs/config-store';
import type { ConfigDocument } from '../../configs/validate';
import { CONFIG_COLUMNS, fromRow, type ConfigRow } from '../../configs/config-repository';
import type { PgDatabase } from './pg-database';

type Row = ConfigRow;
const COLUMNS = CONFIG_COLUMNS;

/** A unique constraint refused the write: which one. */
const violated = (error: unknown): string | undefined => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' ? constraint : undefined;
};

export class PostgresConfigStore implements ConfigStore {
  private readonly db: PgDatabase;
  private readonly now: () => number;

  constructor(db: PgDatabase, now: () => number = Date.now) {
    this.db = db;
    this.now = now;
  }

  async get(id: string): Promise<StoredConfig | undefined> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM configs WHERE id = $1`, [id]);
    return rows[0] && fromRow(rows[0]);
  }

  async byPochtaWidget(pochtaWidgetId: number): Promise<StoredConfig | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM configs WHERE pochta_widget_id = $1`,
      [pochtaWidgetId],
    );
    return rows[0] && fromRow(rows[0]);
  }

  async create(
    id: string,
    document: ConfigDocument,
    tokenHash: Buffer,
  ): Promise<StoredConfig | false | WriteRefusal> {
    const at = this.now();
    const data = JSON.stringify(document);
    try {
      await this.db.transaction(async (client) => {
        await client.query(
          `INSERT INTO configs (id, token_hash, version, data, pochta_widget_id, created_at, updated_at)
           VALUES ($1, $2, 1, $3, $4, $5, $5)`,
          [id, tokenHash, data, document.pochtaWidgetId, at],
        );
        await client.query(
          'INSERT INTO config_versions (config_id, version, data, saved_at) VALUES ($1, 1, $2, $3)',
          [id, data, at],
        );
        await this.db.changed(client, 'configs', { kind: 'config', id });
      });
    } catch (error) {
      const constraint = violated(error);
      if (constraint === 'configs_pochta_widget_id_key') return 'pochta-widget-taken';
      if (constraint === 'configs_pkey') return false;
      throw error;
    }
    return { id, version: 1, document, tokenHash, createdAt: at, updatedAt: at };
  }

  async save(
    id: string,
    expected: number | null,
    document: ConfigDocument,
  ): Promise<StoredConfig | WriteRefusal> {
    const at = this.now();
    const data = JSON.stringify(document);
    try {
      return await this.db.transaction(async (client): Promise<StoredConfig | WriteRefusal> => {
        const { rows } = await client.query<Row>(
          `SELECT ${COLUMNS} FROM configs WHERE id = $1 FOR UPDATE`,
          [id],
        );
        if (!rows[0]) return 'not-found';
        const current = fromRow(rows[0]);
        if (expected !== null && current.version !== expected) return 'stale';
        const version = current.version + 1;
        await client.query(
          'UPDATE configs SET version = $1, data = $2, pochta_widget_id = $3, updated_at = $4 WHERE id = $5',
          [version, data, document.pochtaWidgetId, at, id],
        );
        await client.query(
          'INSERT INTO config_versions (config_id, version, data, saved_at) VALUES ($1, $2, $3, $4)',
          [id, version, data, at],
        );
        await this.db.changed(client, 'configs', { kind: 'config', id });
        return { ...current, version, document, updatedAt: at };
      });
    } catch (error) {
      if (violated(error) === 'configs_pochta_widget_id_key') return 'pochta-widget-taken';
      throw error;
    }
  }

  setTokenHash(id: string, tokenHash: Buffer): Promise<boolean> {
    return this.db.transaction(async (client) => {
      const { rowCount } = await client.query('UPDATE configs SET token_hash = $1 WHERE id = $2', [
        tokenHash,
        id,
      ]);
      if (rowCount !== 1) return false;
      await this.db.changed(client, 'configs', { kind: 'config', id });
      return true;
    });
  }

  delete(id: string, expected: number | null): Promise<true | WriteRefusal> {
    return this.db.transaction(async (client): Promise<true | WriteRefusal> => {
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM configs WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!rows[0]) return 'not-found';
      if (expected !== null && rows[0].version !== expected) return 'stale';
      // The history goes with it (ON DELETE CASCADE).
      await client.query('DELETE FROM configs WHERE id = $1', [id]);
      await this.db.changed(client, 'configs', { kind: 'config', id });
      return true;
    });
  }

  async versions(id: string): Promise<VersionEntry[]> {
    const { rows } = await this.db.query<{ version: number; saved_at: string }>(
      'SELECT version, saved_at FROM config_versions WHERE config_id = $1 ORDER BY version DESC',
      [id],
    );
    return rows.map((r) => ({ version: r.version, savedAt: Number(r.saved_at) }));
  }

  async version(id: string, version: number): Promise<unknown> {
    const { rows } = await this.db.query<{ data: string }>(
      'SELECT data FROM config_versions WHERE config_id = $1 AND version = $2',
      [id, version],
    );
    return rows[0] ? (JSON.parse(rows[0].data) as unknown) : undefined;
  }

  changeToken(): Promise<string> {
    return this.db.version('configs');
  }
}
