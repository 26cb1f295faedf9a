/**
 * A server configuration for tests: in-memory database, no sync, no network for quotes (the
 * estimator), no rate limits, quiet. Each test states only what it changes.
 */
import { defaultQuoteConfig, type ServerConfig } from './config';

/** The test configuration with `overrides`; `quotes` merge field by field. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    distDir: '/nonexistent',
    publicDir: '/nonexistent',
    database: ':memory:',
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
