/**
 * Saved configurations in SQLite (tables `configs` and `config_versions`, migration 2). Every write
 * is one transaction: the new current document and its row in the history together, or neither. A
 * write that names the version it expects (`If-Match`) compares and swaps inside that transaction,
 * so two saves racing from two tabs cannot both win.
 */
import type { Db } from '../store/database';
import type { ConfigDocument } from './validate';

/** A configuration as stored: its document, version and times (ms since the epoch). */
export interface StoredConfig {
  id: string;
  version: number;
  document: ConfigDocument;
  /** SHA-256 of the owner token. */
  tokenHash: Buffer;
  createdAt: number;
  updatedAt: number;
}

/** One saved version, for the history list. */
export interface VersionEntry {
  version: number;
  savedAt: number;
}

/** A write that could not happen, and why; the service turns each into its problem. */
export type WriteRefusal = 'not-found' | 'stale' | 'pochta-widget-taken';

/** A configuration's row, in SQLite and PostgreSQL alike (which answers its bigint times as text). */
export interface ConfigRow {
  id: string;
  token_hash: Buffer;
  version: number;
  data: string;
  created_at: number | string;
  updated_at: number | string;
}
type Row = ConfigRow;

export const CONFIG_COLUMNS = 'id, token_hash, version, data, created_at, updated_at';
const COLUMNS = CONFIG_COLUMNS;

export const fromRow = (row: ConfigRow): StoredConfig => ({
  id: row.id,
  version: row.version,
  document: JSON.parse(row.data) as ConfigDocument,
  tokenHash: row.token_hash,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

/** SQLite's answer to a second configuration claiming a widget.pochta.ru id. */
const isPochtaIdTaken = (error: unknown): boolean =>
  (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  String((error as Error).message).includes('pochta_widget_id');

export class ConfigRepository {
  private readonly db: Db;
  private readonly now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.db = db;
    this.now = now;
  }

  get(id: string): StoredConfig | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM configs WHERE id = ?`).get(id) as
      Row | undefined;
    return row && fromRow(row);
  }

  /** The configuration that replaces a widget.pochta.ru widget. */
  byPochtaWidget(pochtaWidgetId: number): StoredConfig | undefined {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM configs WHERE pochta_widget_id = ?`)
      .get(pochtaWidgetId) as Row | undefined;
    return row && fromRow(row);
  }

  /** Stores version 1 under a new id (`false` when the id is taken: draw another). */
  create(
    id: string,
    document: ConfigDocument,
    tokenHash: Buffer,
  ): StoredConfig | false | WriteRefusal {
    const at = this.now();
    const data = JSON.stringify(document);
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO configs (id, token_hash, version, data, pochta_widget_id, created_at, updated_at)
             VALUES (?, ?, 1, ?, ?, ?, ?)`,
          )
          .run(id, tokenHash, data, document.pochtaWidgetId, at, at);
        this.insertVersion(id, 1, data, at);
      })();
    } catch (error) {
      if (isPochtaIdTaken(error)) return 'pochta-widget-taken';
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
      throw error;
    }
    return { id, version: 1, document, tokenHash, createdAt: at, updatedAt: at };
  }

  /**
   * Saves `document` as the next version, when the current one is `expected` (null: whichever it
   * is). The history keeps every version.
   */
  save(id: string, expected: number | null, document: ConfigDocument): StoredConfig | WriteRefusal {
    const at = this.now();
    const data = JSON.stringify(document);
    try {
      return this.db
        .transaction((): StoredConfig | WriteRefusal => {
          const current = this.get(id);
          if (!current) return 'not-found';
          if (expected !== null && current.version !== expected) return 'stale';
          const version = current.version + 1;
          this.db
            .prepare(
              'UPDATE configs SET version = ?, data = ?, pochta_widget_id = ?, updated_at = ? WHERE id = ?',
            )
            .run(version, data, document.pochtaWidgetId, at, id);
          this.insertVersion(id, version, data, at);
          return { ...current, version, document, updatedAt: at };
        })
        .immediate();
    } catch (error) {
      if (isPochtaIdTaken(error)) return 'pochta-widget-taken';
      throw error;
    }
  }

  /** Replaces the owner token's hash; the version stays (the token is not part of the document). */
  setTokenHash(id: string, tokenHash: Buffer): boolean {
    return (
      this.db.prepare('UPDATE configs SET token_hash = ? WHERE id = ?').run(tokenHash, id)
        .changes === 1
    );
  }

  /** Removes a configuration and its history, when its version is `expected` (null: any). */
  delete(id: string, expected: number | null): true | WriteRefusal {
    return this.db
      .transaction((): true | WriteRefusal => {
        const current = this.get(id);
        if (!current) return 'not-found';
        if (expected !== null && current.version !== expected) return 'stale';
        // The history goes with it (ON DELETE CASCADE).
        this.db.prepare('DELETE FROM configs WHERE id = ?').run(id);
        return true;
      })
      .immediate();
  }

  /** Every saved version, newest first. */
  versions(id: string): VersionEntry[] {
    return (
      this.db
        .prepare(
          'SELECT version, saved_at FROM config_versions WHERE config_id = ? ORDER BY version DESC',
        )
        .all(id) as { version: number; saved_at: number }[]
    ).map((r) => ({ version: r.version, savedAt: r.saved_at }));
  }

  /** One saved version's document, as it was saved. */
  version(id: string, version: number): unknown {
    const row = this.db
      .prepare('SELECT data FROM config_versions WHERE config_id = ? AND version = ?')
      .get(id, version) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as unknown) : undefined;
  }

  private insertVersion(id: string, version: number, data: string, at: number): void {
    this.db
      .prepare(
        'INSERT INTO config_versions (config_id, version, data, saved_at) VALUES (?, ?, ?, ?)',
      )
      .run(id, version, data, at);
  }
}
