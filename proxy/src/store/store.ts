/**
 * The proxy's database as the server holds it: branches and saved configurations behind their
 * store interfaces, which backend holds them, whether it answers, and (PostgreSQL) word of commits
 * made by other instances. `open-store.ts` picks the backend: DATABASE_URL, else DATABASE_PATH.
 */
import type { ConfigStore } from '../configs/config-store';
import type { BranchStore } from './branch-store';

/** What another writer committed. `local` when this very store made the change. */
export type StoreChange =
  | { kind: 'branches'; local: boolean }
  | { kind: 'config'; id: string; local: boolean }
  /** Notifications may have been missed (a reconnect): look at every change token again. */
  | { kind: 'resync'; local: false };

/** How the database is, as `/readyz` shows it. */
export interface StoreStatus {
  backend: 'sqlite' | 'postgres';
  /** `degraded` while the database does not answer: reads go on from memory, writes get a 503. */
  state: 'healthy' | 'degraded';
}

export interface Store {
  readonly backend: StoreStatus['backend'];
  readonly branches: BranchStore;
  readonly configs: ConfigStore;
  status(): StoreStatus;
  /** Calls `listener` on each change notified by the database; returns the unsubscribe. */
  onChange(listener: (change: StoreChange) => void): () => void;
  /** Closes every connection. */
  close(): Promise<void>;
}
