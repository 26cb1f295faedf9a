/**
 * The proxy's configuration: one typed object with documented defaults. `main.ts` is the only
 * reader of `process.env`; it hands the environment to `configFromEnv`, which validates it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import type { Branch } from '#core/branch';
import { DEFAULT_RATES, parseRates, type RateTable } from './quotes/estimator';
import { DEFAULT_PRICING, parsePricing, type PricingRules } from './quotes/pricing';
import type { QuoteSource } from './quotes/quote-service';
import { SYNC_DEFAULTS, type PochtaSyncConfig } from './sync/pochta-sync';

export interface QuoteConfig {
  /** `auto` (live, falling back to the estimator), `live`, or `estimate`. Default auto. */
  source: QuoteSource;
  /** Default https://tariff.pochta.ru */
  tariffUrl: string;
  /** Default https://delivery.pochta.ru */
  deliveryUrl: string;
  /** Per upstream call. Default 3000 ms: a buyer waits no longer for a figure. */
  timeoutMs: number;
  pricing: PricingRules;
  rates: RateTable;
  /** Cached answers at most. Default 50,000. */
  cacheMaxEntries: number;
  /** Quote requests per minute per client address; 0 for no limit. Default 120. */
  rateLimitPerMinute: number;
}

export const defaultQuoteConfig = (): QuoteConfig => ({
  source: 'auto',
  tariffUrl: 'https://tariff.pochta.ru',
  deliveryUrl: 'https://delivery.pochta.ru',
  timeoutMs: 3000,
  pricing: DEFAULT_PRICING,
  rates: DEFAULT_RATES,
  cacheMaxEntries: 50_000,
  rateLimitPerMinute: 120,
});

/** The repository root, from which the default folders are found. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerConfig {
  /** Built artefacts: `widget/`, `basemap/`, `configurator/` inside. Default `<root>/dist`. */
  distDir: string;
  /** Static pages that are not generated (the demo checkout). Default `<root>/public`. */
  publicDir: string;
  /** SQLite database file, created when missing; `:memory:` keeps nothing. Default `<root>/.data/branch-picker.sqlite`. */
  database: string;
  /** Stored when the database holds no branches (the demo network on a fresh machine). */
  seed?: () => readonly Branch[];
  /** How often to look for imports committed by another process, ms; 0 never. Default 2000. */
  reloadIntervalMs: number;
  /** Daily sync from Russian Post; null without credentials. */
  sync: PochtaSyncConfig | null;
  /** Cost and delivery time. */
  quotes: QuoteConfig;
  /** Fastify logger options; `false` for silence (tests). Default: JSON logs at `info`. */
  logger: FastifyServerOptions['logger'];
  /** Trust `X-Forwarded-*` from a reverse proxy in front. Default `false`. */
  trustProxy: boolean;
}

export interface ListenConfig {
  /** Default 8080. */
  port: number;
  /** Default `127.0.0.1`; `0.0.0.0` to listen on every interface (containers). */
  host: string;
}

/** Thrown at start when the environment is wrong; the message says which variable and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function port(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConfigError(
      `PORT must be a whole number from 0 to 65535, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** Reads the environment into a configuration, or throws a ConfigError naming the bad variable. */
function positive(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive number, got ${JSON.stringify(value)}`);
  return n;
}

/** Sync settings when all three credentials are set; null when none is; an error when only some are. */
function syncFromEnv(env: Readonly<Record<string, string | undefined>>): PochtaSyncConfig | null {
  const names = ['OTPRAVKA_TOKEN', 'OTPRAVKA_LOGIN', 'OTPRAVKA_PASSWORD'] as const;
  const present = names.filter((n) => env[n]);
  if (present.length === 0) return null;
  if (present.length < names.length) {
    throw new ConfigError(
      `Russian Post sync needs ${names.join(', ')}; missing: ${names.filter((n) => !env[n]).join(', ')}`,
    );
  }
  const kind = env.OTPRAVKA_SYNC_TYPE ?? SYNC_DEFAULTS.kind;
  if (!['ALL', 'OPS', 'PVZ', 'APS'].includes(kind)) {
    throw new ConfigError(
      `OTPRAVKA_SYNC_TYPE must be ALL, OPS, PVZ or APS, got ${JSON.stringify(kind)}`,
    );
  }
  return {
    url: env.OTPRAVKA_URL ?? SYNC_DEFAULTS.url,
    token: env.OTPRAVKA_TOKEN!,
    login: env.OTPRAVKA_LOGIN!,
    password: env.OTPRAVKA_PASSWORD!,
    intervalMs:
      positive(env, 'SYNC_INTERVAL_HOURS', SYNC_DEFAULTS.intervalMs / 3_600_000) * 3_600_000,
    timeoutMs: positive(env, 'SYNC_TIMEOUT_SECONDS', SYNC_DEFAULTS.timeoutMs / 1000) * 1000,
    kind: kind as PochtaSyncConfig['kind'],
  };
}

function quotesFromEnv(env: Readonly<Record<string, string | undefined>>): QuoteConfig {
  const defaults = defaultQuoteConfig();
  const source = env.QUOTE_SOURCE ?? defaults.source;
  if (!['auto', 'live', 'estimate'].includes(source)) {
    throw new ConfigError(
      `QUOTE_SOURCE must be auto, live or estimate, got ${JSON.stringify(source)}`,
    );
  }
  const url = (name: string, fallback: string): string => {
    const value = env[name] ?? fallback;
    try {
      return new URL(value).href.replace(/\/$/, '');
    } catch {
      throw new ConfigError(
        `${name} must be a URL such as ${fallback}, got ${JSON.stringify(value)}`,
      );
    }
  };
  const parsed = <T>(name: string, parse: (json: string) => T, fallback: T): T => {
    const value = env[name];
    if (!value) return fallback;
    try {
      return parse(value);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  };
  const limit =
    env.RATE_LIMIT_PER_MINUTE === '0'
      ? 0
      : positive(env, 'RATE_LIMIT_PER_MINUTE', defaults.rateLimitPerMinute);
  return {
    source: source as QuoteSource,
    tariffUrl: url('TARIFF_UPSTREAM_URL', defaults.tariffUrl),
    deliveryUrl: url('DELIVERY_UPSTREAM_URL', defaults.deliveryUrl),
    timeoutMs: positive(env, 'UPSTREAM_TIMEOUT_MS', defaults.timeoutMs),
    pricing: parsed('PRICING', parsePricing, defaults.pricing),
    rates: parsed('RATE_TABLE', parseRates, defaults.rates),
    cacheMaxEntries: positive(env, 'QUOTE_CACHE_ENTRIES', defaults.cacheMaxEntries),
    rateLimitPerMinute: limit,
  };
}

/** Where the database lives unless DATABASE_PATH says otherwise. */
export const DEFAULT_DATABASE = path.join(ROOT_DIR, '.data', 'branch-picker.sqlite');

export function configFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  seed?: () => readonly Branch[],
): { server: ServerConfig; listen: ListenConfig } {
  const level = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`,
    );
  }
  return {
    server: {
      distDir: path.resolve(env.DIST_DIR ?? path.join(ROOT_DIR, 'dist')),
      publicDir: path.resolve(env.PUBLIC_DIR ?? path.join(ROOT_DIR, 'public')),
      database:
        env.DATABASE_PATH === ':memory:'
          ? ':memory:'
          : path.resolve(env.DATABASE_PATH ?? DEFAULT_DATABASE),
      ...(seed ? { seed } : {}),
      reloadIntervalMs:
        env.RELOAD_INTERVAL_MS === '0' ? 0 : positive(env, 'RELOAD_INTERVAL_MS', 2000),
      sync: syncFromEnv(env),
      quotes: quotesFromEnv(env),
      logger: { level },
      trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    },
    listen: { port: port(env.PORT), host: env.HOST ?? '127.0.0.1' },
  };
}
