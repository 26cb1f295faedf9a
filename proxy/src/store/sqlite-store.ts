/**
 * The embedded backend (DATABASE_PATH): one better-sqlite3 connection for branches and
 * configurations, the synchronous repositories behind the async store interfaces. Other processes
 * (an import from the command line) are noticed through `data_version`, not notifications.
 */
import type { Branch } from '#core/branch';
import { ConfigRepository } from '../configs/config-repository';
import type { ConfigStore } from '../configs/config-store';
import type { ConfigDocument } from '../configs/validate';
import { BranchRepository, type ApplyOptions } from './branch-repository';
import type { BranchStore, ImportLogEntry } from './branch-store';
import { dataVersion, openDatabase, type Db } from './database';
import type { Store, StoreStatus } from './store';

/** Branches in SQLite, through `BranchRepository`. */
export class SqliteBranchStore implements BranchStore {
  readonly repository: BranchRepository;
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    this.repository = new BranchRepository(db);
  }

  count = async () => this.repository.count();
  all = async () => this.repository.all();
  apply = async (branches: readonly Branch[], options: ApplyOptions) =>
    this.repository.apply(branches, options);
  getState = async <T>(key: string) => this.repository.getState<T>(key);
  setState = async (key: string, value: unknown) => this.repository.setState(key, value);
  claimLease = async (key: string, holder: string, ttlMs: number) =>
    this.repository.claimLease(key, holder, ttlMs);
  releaseLease = async (key: string, holder: string) => this.repository.releaseLease(key, holder);
  logImport = async (entry: ImportLogEntry) => this.repository.logImport(entry);
  changeToken = async () => String(dataVersion(this.db));
}

/** Configurations in SQLite, through `ConfigRepository`. */
export class SqliteConfigStore implements ConfigStore {
  private readonly repository: ConfigRepository;
  private readonly db: Db;

  constructor(db: Db, now?: () => number) {
    this.db = db;
    this.repository = new ConfigRepository(db, now);
  }

  get = async (id: string) => this.repository.get(id);
  byPochtaWidget = async (n: number) => this.repository.byPochtaWidget(n);
  create = async (id: string, document: ConfigDocument, tokenHash: Buffer) =>
    this.repository.create(id, document, tokenHash);
  save = async (id: string, expected: number | null, document: ConfigDocument) =>
    this.repository.save(id, expected, document);
  setTokenHash = async (id: string, tokenHash: Buffer) =>
    this.repository.setTokenHash(id, tokenHash);
  delete = async (id: string, expected: number | null) => this.repository.delete(id, expected);
  versions = async (id: string) => this.repository.versions(id);
  version = async (id: string, version: number) => this.repository.version(id, version);
  changeToken = async () => String(dataVersion(this.db));
}

/** Both stores over one SQLite connection. */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  /** The connection (better-sqlite3), for tests that look at the tables. */
  readonly db: Db;
  readonly branches: SqliteBranchStore;
  readonly configs: SqliteConfigStore;

  constructor(db: Db, now?: () => number) {
    this.db = db;
    this.branches = new SqliteBranchStore(db);
    this.configs = new SqliteConfigStore(db, now);
  }

  /** SQLite is a file in this process: it is there, or the server did not start. */
  status(): StoreStatus {
    return { backend: 'sqlite', state: 'healthy' };
  }

  onChange(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Opens (creating and migrating if needed) the SQLite file; throws as `openDatabase` does. */
export const openSqliteStore = (file: string): SqliteStore => new SqliteStore(openDatabase(file));
