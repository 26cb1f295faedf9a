/** The SQLite backend through the store contracts: each test on a new file, a second connection as the other writer. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';
import { configStoreContract } from '../configs/config-store.contract';
import { branchStoreContract } from './branch-store.contract';
import { openDatabase } from './database';
import { SqliteBranchStore, SqliteConfigStore } from './sqlite-store';

const dir = mkdtempSync(path.join(tmpdir(), 'bp-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** A new database file; its connections closed when the test ends. */
function database() {
  const file = path.join(dir, `${++files}.sqlite`);
  const open = () => {
    const db = openDatabase(file);
    onTestFinished(() => {
      db.close();
    });
    return db;
  };
  return open;
}

branchStoreContract('sqlite', {
  create: async () => {
    const open = database();
    return {
      store: new SqliteBranchStore(open()),
      other: async () => new SqliteBranchStore(open()),
    };
  },
});

configStoreContract('sqlite', {
  create: async (now) => {
    const open = database();
    return {
      store: new SqliteConfigStore(open(), now),
      other: async () => new SqliteConfigStore(open(), now),
    };
  },
});
