/**
 * The environment: every variable's default, a clear error for every bad value, and README.md's
 * environment table, which must be exactly what `ENV` says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envTable, README_PATH, readmeBlock, UPDATE_COMMAND } from '../../scripts/readme-tables';
import { DEFAULT_RATES } from './quotes/estimator';
import { DEFAULT_PRICING } from './quotes/pricing';
import { ConfigError, configFromEnv, ENV, readEnv, ROOT_DIR } from './config';

const readmeTable = () => readmeBlock(readFileSync(README_PATH, 'utf8'), 'env');

describe('README.md’s environment table', () => {
  it('lists every variable ENV has, and none it lacks', () => {
    const listed = [...readmeTable().matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(ENV).sort());
  });

  it('says what ENV says, row for row', () => {
    expect(readmeTable(), `README.md is out of date: run ${UPDATE_COMMAND}`).toBe(envTable());
  });
});

describe('the configuration of an empty environment', () => {
  const { server, listen } = configFromEnv({});

  it('listens on 127.0.0.1:8080', () => {
    expect(listen).toEqual({ port: 8080, host: '127.0.0.1' });
  });

  it('keeps the database and the build under the repository', () => {
    expect(server).toMatchObject({
      database: path.join(ROOT_DIR, '.data', 'branch-picker.sqlite'),
      distDir: path.join(ROOT_DIR, 'dist'),
      publicDir: path.join(ROOT_DIR, 'public'),
      reloadIntervalMs: 2000,
      logger: { level: 'info' },
      trustProxy: false,
      sync: null,
    });
  });

  it('quotes from Russian Post with the estimator behind, at the default prices', () => {
    expect(server.quotes).toEqual({
      mode: 'auto',
      tariffUrl: 'https://tariff.pochta.ru',
      deliveryUrl: 'https://delivery.pochta.ru',
      timeoutMs: 3000,
      pricing: DEFAULT_PRICING,
      rates: DEFAULT_RATES,
      cacheMaxEntries: 50_000,
      redisUrl: null,
    });
  });

  it('limits each route group per client address, loosely enough that a buyer never meets it', () => {
    expect(server.rateLimits).toEqual({
      quotes: 120,
      lookups: 600,
      network: 300,
      configs: 120,
      'config-create': 10,
    });
  });

  it('takes an empty variable as unset', () => {
    expect(configFromEnv({ PORT: '', QUOTE_SOURCE: '' }).listen.port).toBe(8080);
  });
});

describe('values from the environment', () => {
  it('keeps :memory: as it is and resolves a database path', () => {
    expect(readEnv({ DATABASE_PATH: ':memory:' }, ENV.DATABASE_PATH)).toBe(':memory:');
    expect(readEnv({ DATABASE_PATH: 'x.sqlite' }, ENV.DATABASE_PATH)).toBe(
      path.resolve('x.sqlite'),
    );
  });

  it('reads 0 as "never" for the reload interval and "no limit" for the rate limit', () => {
    const { server } = configFromEnv({ RELOAD_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '0' });
    expect(server.reloadIntervalMs).toBe(0);
    expect(server.rateLimits.quotes).toBe(0);
  });

  it('reads JSON pricing rules over the defaults', () => {
    const { server } = configFromEnv({ PRICING: '{"markupPercent": 10}' });
    expect(server.quotes.pricing).toEqual({ ...DEFAULT_PRICING, markupPercent: 10 });
  });

  it.each(['redis://127.0.0.1:6379', 'rediss://:secret@cache.internal:6380/2'])(
    'keeps the quote cache in the Redis at REDIS_URL=%s, the URL as given',
    (url) => {
      expect(configFromEnv({ REDIS_URL: url }).server.quotes.redisUrl).toBe(url);
    },
  );

  it('drops a trailing slash from an upstream URL', () => {
    expect(
      configFromEnv({ TARIFF_UPSTREAM_URL: 'http://127.0.0.1:9/' }).server.quotes.tariffUrl,
    ).toBe('http://127.0.0.1:9');
  });

  it('turns the sync on with all three credentials, in hours and seconds as given', () => {
    const sync = configFromEnv({
      OTPRAVKA_TOKEN: 't',
      OTPRAVKA_LOGIN: 'l',
      OTPRAVKA_PASSWORD: 'p',
      SYNC_INTERVAL_HOURS: '12',
    }).server.sync;
    expect(sync).toEqual({
      url: 'https://otpravka-api.pochta.ru',
      token: 't',
      login: 'l',
      password: 'p',
      intervalMs: 12 * 3_600_000,
      timeoutMs: 300_000,
      kind: 'ALL',
    });
  });
});

describe('a bad environment', () => {
  it.each([
    [{ PORT: '99999' }, 'PORT must be a whole number from 0 to 65535, got "99999"'],
    [{ PORT: 'http' }, 'PORT must be a whole number from 0 to 65535, got "http"'],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of fatal, error, warn, info, debug/],
    [{ QUOTE_SOURCE: 'pigeon' }, 'QUOTE_SOURCE must be one of auto, live, estimate, got "pigeon"'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be 1, true, 0 or false, got "yes"'],
    [{ RELOAD_INTERVAL_MS: '-1' }, 'RELOAD_INTERVAL_MS must be a positive number, got "-1"'],
    [{ UPSTREAM_TIMEOUT_MS: 'soon' }, 'UPSTREAM_TIMEOUT_MS must be a positive number, got "soon"'],
    [{ QUOTE_CACHE_ENTRIES: '1.5' }, /^QUOTE_CACHE_ENTRIES must be a whole number from 1 to/],
    [{ RATE_LIMIT_PER_MINUTE: '-3' }, /^RATE_LIMIT_PER_MINUTE must be a whole number from 0 to/],
    [
      { TARIFF_UPSTREAM_URL: 'tariff.pochta.ru' },
      'TARIFF_UPSTREAM_URL must be a URL such as https://tariff.pochta.ru, got "tariff.pochta.ru"',
    ],
    [{ PRICING: '{markup' }, /^PRICING is not JSON \(/],
    [{ PRICING: '[1]' }, 'PRICING must be a JSON object, got "[1]"'],
    [
      { PRICING: '{"markupPercent": -1}' },
      'PRICING has a bad field: markupPercent must be a percentage from 0 to 1000, got -1',
    ],
    [{ PRICING: '{"markup": 1}' }, /^PRICING has a bad field: markup is not a rule \(rules: /],
    [
      { RATE_TABLE: '{"bands": [{"upToKm": 100}]}' },
      /^RATE_TABLE has a bad field: bands\[0\] needs upToKm/,
    ],
    [
      { OTPRAVKA_TOKEN: 't', OTPRAVKA_LOGIN: 'l' },
      'Russian Post sync needs OTPRAVKA_TOKEN, OTPRAVKA_LOGIN, OTPRAVKA_PASSWORD; missing: OTPRAVKA_PASSWORD',
    ],
    [
      { OTPRAVKA_TOKEN: 't', OTPRAVKA_LOGIN: 'l', OTPRAVKA_PASSWORD: 'p', OTPRAVKA_SYNC_TYPE: 'X' },
      'OTPRAVKA_SYNC_TYPE must be one of ALL, OPS, PVZ, APS, got "X"',
    ],
    [
      {
        OTPRAVKA_TOKEN: 't',
        OTPRAVKA_LOGIN: 'l',
        OTPRAVKA_PASSWORD: 'p',
        SYNC_TIMEOUT_SECONDS: '0',
      },
      'SYNC_TIMEOUT_SECONDS must be a positive number, got "0"',
    ],
  ])('rejects %j, naming the variable and what it takes', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(ConfigError);
    expect(() => configFromEnv(env)).toThrow(message);
  });

  it.each([
    [
      'http://user:secret@cache.internal:6379',
      /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL such as redis:\/\/127\.0\.0\.1:6379, got a http:\/\/ one$/,
    ],
    [
      'cache.internal:6379',
      /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL such as redis:\/\/127\.0\.0\.1:6379$/,
    ],
    [
      'redis://:secret@[bad',
      /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL such as redis:\/\/127\.0\.0\.1:6379$/,
    ],
    [
      'secret@cache',
      /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL such as redis:\/\/127\.0\.0\.1:6379$/,
    ],
    ['redis://', /^REDIS_URL must name a host/],
  ])(
    'rejects REDIS_URL=%s, naming REDIS_URL and never quoting the value (it may hold a password)',
    (url, message) => {
      expect(() => configFromEnv({ REDIS_URL: url })).toThrow(ConfigError);
      expect(() => configFromEnv({ REDIS_URL: url })).toThrow(message);
      expect(() => configFromEnv({ REDIS_URL: url })).not.toThrow(/secret/);
    },
  );

  it('does not read sync settings without credentials: the sync is off', () => {
    expect(configFromEnv({ OTPRAVKA_SYNC_TYPE: 'SOME' }).server.sync).toBeNull();
  });
});
