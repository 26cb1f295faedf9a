/**
 * Where saved configurations are kept: each write one transaction (the current document and its
 * row in the history together), compare-and-swap on the expected version inside it. SQLite
 * (`store/sqlite-store.ts` over `config-repository.ts`) and PostgreSQL
 * (`store/postgres/postgres-config-store.ts`) implement it; both pass `config-store.contract.ts`.
 */
import type { StoredConfig, VersionEntry, WriteRefusal } from './config-repository';
import type { ConfigDocument } from './validate';

export type { StoredConfig, VersionEntry, WriteRefusal } from './config-repository';

export interface ConfigStore {
  get(id: string): Promise<StoredConfig | undefined>;
  /** The configuration that replaces a widget.pochta.ru widget. */
  byPochtaWidget(pochtaWidgetId: number): Promise<StoredConfig | undefined>;
  /** Stores version 1 under a new id (`false` when the id is taken: draw another). */
  create(
    id: string,
    document: ConfigDocument,
    tokenHash: Buffer,
  ): Promise<StoredConfig | false | WriteRefusal>;
  /** Saves `document` as the next version, when the current one is `expected` (null: any). */
  save(
    id: string,
    expected: number | null,
    document: ConfigDocument,
  ): Promise<StoredConfig | WriteRefusal>;
  /** Replaces the owner token's hash; false when there is no such configuration. */
  setTokenHash(id: string, tokenHash: Buffer): Promise<boolean>;
  /** Removes a configuration and its history, when its version is `expected` (null: any). */
  delete(id: string, expected: number | null): Promise<true | WriteRefusal>;
  /** Every saved version, newest first. */
  versions(id: string): Promise<VersionEntry[]>;
  /** One saved version's document, as it was saved. */
  version(id: string, version: number): Promise<unknown>;
  /** Differs from the last answer once configurations have been committed by another writer. */
  changeToken(): Promise<string>;
}
