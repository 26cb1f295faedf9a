/**
 * A server configuration for tests: in-memory database, no sync, no network for quotes (the
 * estimator), no rate limits, quiet. Each test states only what it changes.
 */
import type { FastifyInstance } from 'fastify';
import { defaultQuoteConfig, type ServerConfig } from './config';
import type { Db } from './store/database';
import { SqliteStore } from './store/sqlite-store';

/** The test configuration with `overrides`; `quotes` merge field by field. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    distDir: '/nonexistent',
    publicDir: '/nonexistent',
    database: ':memory:',
    databaseUrl: null,
    basemapPmtiles: null,
    reloadIntervalMs: 0,
    sync: null,
    logger: false,
    trustProxy: false,
    embed: { allowedOrigins: [], returnUrls: [], defaultSender: null },
    rateLimits: { quotes: 0, lookups: 0, network: 0, configs: 0, 'config-create': 0 },
    ...overrides,
    quotes: {
      ...defaultQuoteConfig(),
      mode: 'estimate',
      ...overrides.quotes,
    },
  };
}

/** The SQLite connection of a server on the embedded database, for tests that read its tables. */
export function sqlite(app: FastifyInstance): Db {
  if (!(app.store instanceof SqliteStore)) throw new Error('this server keeps no SQLite database');
  return app.store.db;
}
