/**
 * The proxy's configuration: one typed object, read from the environment through `ENV`, the table of
 * every variable with its default, parser and meaning (README.md's environment table is checked
 * against it). `main.ts` is the only reader of `process.env`, and the import command the only other;
 * both go through here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Branch } from '#core/branch';
import { DEFAULT_RATES, rateTable, type RateTable } from './quotes/estimator';
import { DEFAULT_PRICING, pricingRules, type PricingRules } from './quotes/pricing';
import type { QuoteMode } from './quotes/quote-service';
import { originList, returnUrlList, type ReturnUrlRule } from './embed/allowed';
import type { RateLimits } from './limits/groups';
import type { PochtaSyncConfig } from './sync/pochta-sync';
import type { LoggerConfig } from './request-logger';
import {
  directory,
  flag,
  got,
  jsonObject,
  oneOf,
  positive,
  postgresUrl,
  redisUrl,
  text,
  url,
  wholeNumber,
} from './config-parsers';

/** Cost and delivery time. */
export interface QuoteConfig {
  /** QUOTE_SOURCE: `auto` (live, falling back to the estimator), `live`, or `estimate`. */
  mode: QuoteMode;
  /** TARIFF_UPSTREAM_URL. */
  tariffUrl: string;
  /** DELIVERY_UPSTREAM_URL. */
  deliveryUrl: string;
  /** UPSTREAM_TIMEOUT_MS, per upstream call. */
  timeoutMs: number;
  /** PRICING. */
  pricing: PricingRules;
  /** RATE_TABLE. */
  rates: RateTable;
  /** QUOTE_CACHE_ENTRIES: cached answers at most. */
  cacheMaxEntries: number;
  /** REDIS_URL: the answer cache in this Redis, shared by every instance; null keeps it in memory. */
  redisUrl: string | null;
}

/** The repository root, from which the default folders are found. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything `createServer` needs; tests build it by hand (`server.fixture.ts`). */
export interface ServerConfig {
  /** DIST_DIR: built artefacts, `widget/`, `basemap/`, `configurator/` inside. */
  distDir: string;
  /** PUBLIC_DIR: static pages that are not generated (the demo checkout). */
  publicDir: string;
  /** DATABASE_PATH: the SQLite file, created when missing; `:memory:` keeps nothing. */
  database: string;
  /** BASEMAP_PMTILES: a PMTiles archive of streets served as the default basemap; null for none. */
  basemapPmtiles: string | null;
  /** DATABASE_URL: a PostgreSQL shared by every instance, instead of the SQLite file; null for SQLite. */
  databaseUrl: string | null;
  /** Stored when the database holds no branches (the demo network on a fresh machine). */
  seed?: () => readonly Branch[];
  /** RELOAD_INTERVAL_MS: how often to look for imports committed by another process; 0 never. */
  reloadIntervalMs: number;
  /** Daily sync from Russian Post; null without credentials. */
  sync: PochtaSyncConfig | null;
  /** Cost and delivery time. */
  quotes: QuoteConfig;
  /** pino's options (LOG_LEVEL) for the server's logger (request-logger.ts); `false` for silence (tests). */
  logger: LoggerConfig | false;
  /** TRUST_PROXY: trust `X-Forwarded-*` from a reverse proxy in front. */
  trustProxy: boolean;
  /** The embed page and the drop-in. */
  embed: EmbedConfig;
  /** Requests per client address per minute, by route group (limits/groups.ts); 0 for none. */
  rateLimits: RateLimits;
}

/** Who may receive a choice from the embed page, and the sender when a page names none. */
export interface EmbedConfig {
  /** EMBED_ALLOWED_ORIGINS: iframe parents that may receive the choice. */
  allowedOrigins: string[];
  /** EMBED_RETURN_URLS: where the embed page may send the buyer back with the choice. */
  returnUrls: ReturnUrlRule[];
  /** DEFAULT_SENDER_POSTAL_CODE: the sender for pages that cannot name one (the widget.pochta.ru drop-in). */
  defaultSender: string | null;
}

/** Where `main.ts` listens. */
export interface ListenConfig {
  /** PORT. */
  port: number;
  /** HOST. */
  host: string;
}

/** Thrown at start when the environment is wrong; the message says which variable and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** One environment variable. */
export interface EnvVar<T> {
  name: string;
  /** The value when the variable is unset or empty. */
  default: T;
  /** The default as the README shows it (Markdown), when not `default` itself in backticks. */
  shown?: string;
  /** Reads a set value; throws an Error saying what is allowed (ConfigError adds the name). */
  parse: (raw: string) => T;
  /** What it does, as the README says it. */
  doc: string;
}

type Spec<T> = Omit<EnvVar<T>, 'name'>;

/** Gives each spec its key as its name. */
function defineEnv<S extends Record<string, Spec<unknown>>>(
  specs: S,
): { readonly [K in keyof S & string]: S[K] & { name: K } } {
  const entries = Object.entries(specs).map(([name, spec]) => [name, { name, ...spec }]);
  return Object.fromEntries(entries) as { readonly [K in keyof S & string]: S[K] & { name: K } };
}

const spec = <T>(s: Spec<T>): Spec<T> => s;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const TARIFF_URL = 'https://tariff.pochta.ru';
const DELIVERY_URL = 'https://delivery.pochta.ru';
const OTPRAVKA_URL = 'https://otpravka-api.pochta.ru';

/** Every environment variable the proxy reads, in the README's order. */
export const ENV = defineEnv({
  PORT: spec({ default: 8080, parse: wholeNumber(0, 65535), doc: 'the port to listen on' }),
  HOST: spec({
    default: '127.0.0.1',
    parse: text,
    doc: 'the address to listen on; `0.0.0.0` for every interface (in a container)',
  }),
  LOG_LEVEL: spec<(typeof LOG_LEVELS)[number]>({
    default: 'info',
    parse: oneOf(LOG_LEVELS),
    doc: `JSON log lines from this level (${LOG_LEVELS.join(', ')}); \`debug\` adds a line per request`,
  }),
  DIST_DIR: spec({
    default: path.join(ROOT_DIR, 'dist'),
    shown: '`dist/`',
    parse: directory,
    doc: 'the build: the widget, the basemap and the configurator inside',
  }),
  BASEMAP_PMTILES: spec<string | null>({
    default: null,
    shown: 'none',
    parse: (raw) => path.resolve(raw),
    doc: 'a PMTiles archive of vector tiles in the Protomaps schema (a region cut from a Protomaps build with `pmtiles extract`): its streets become the default map, served under `/basemap/streets/`; unset, the offline basemap of land, water and towns. A missing, unreadable or wrong-format file stops the proxy at start',
  }),
  PUBLIC_DIR: spec({
    default: path.join(ROOT_DIR, 'public'),
    shown: '`public/`',
    parse: directory,
    doc: 'static pages (the demo checkout)',
  }),
  DATABASE_PATH: spec({
    default: path.join(ROOT_DIR, '.data', 'branch-picker.sqlite'),
    shown: '`.data/branch-picker.sqlite`',
    parse: (raw) => (raw === ':memory:' ? raw : path.resolve(raw)),
    doc: 'the SQLite file, created when missing; `:memory:` keeps nothing',
  }),
  DATABASE_URL: spec<string | null>({
    default: null,
    shown: 'none',
    parse: postgresUrl,
    doc: 'a PostgreSQL (`postgres://user:password@host:5432/branch_picker`) holding branches and saved configurations instead of DATABASE_PATH, shared by every proxy instance: a write through one is served by all within RELOAD_INTERVAL_MS (at once, by notification, while connected). While it is unreachable, reads go on from memory, writes answer 503, and `/readyz` says `degraded`',
  }),
  RELOAD_INTERVAL_MS: spec({
    default: 2000,
    parse: (raw) => (raw === '0' ? 0 : positive(raw)),
    doc: 'how often to look for imports and configurations committed by another process or instance; 0 never',
  }),
  TRUST_PROXY: spec({
    default: false,
    shown: '`0`',
    parse: flag,
    doc: "`1` behind a reverse proxy, so that rate limits see the buyer's address",
  }),
  QUOTE_SOURCE: spec<QuoteMode>({
    default: 'auto',
    parse: oneOf(['auto', 'live', 'estimate']),
    doc: '`auto` (Russian Post, else the estimator), `live` (Russian Post only) or `estimate`',
  }),
  TARIFF_UPSTREAM_URL: spec({
    default: TARIFF_URL,
    parse: url(TARIFF_URL),
    doc: "Russian Post's tariff calculator (`/v2/calculate/tariff`)",
  }),
  DELIVERY_UPSTREAM_URL: spec({
    default: DELIVERY_URL,
    parse: url(DELIVERY_URL),
    doc: "Russian Post's delivery-time calculator (`/v2/calculate/delivery`)",
  }),
  UPSTREAM_TIMEOUT_MS: spec({ default: 3000, parse: positive, doc: 'per upstream call' }),
  PRICING: spec({
    default: DEFAULT_PRICING,
    shown: 'none',
    parse: jsonObject(pricingRules),
    doc: "the shop's [pricing rules](#pricing-rules), JSON",
  }),
  RATE_TABLE: spec({
    default: DEFAULT_RATES,
    shown: 'built in',
    parse: jsonObject(rateTable),
    doc: "the estimator's rate table, JSON",
  }),
  QUOTE_CACHE_ENTRIES: spec({
    default: 50_000,
    parse: wholeNumber(1, Number.MAX_SAFE_INTEGER),
    doc: 'cached answers at most',
  }),
  REDIS_URL: spec<string | null>({
    default: null,
    shown: 'none',
    parse: redisUrl,
    doc: "a Redis (`redis://host:6379`, `rediss://` for TLS) holding the quote cache, shared by every proxy instance, each keeping the answers it just used in memory for 5 s; unset, the cache is in this process's memory. While Redis is unreachable, answers are cached in memory and `/readyz` says `degraded`",
  }),
  RATE_LIMIT_PER_MINUTE: spec({
    default: 120,
    parse: wholeNumber(0, Number.MAX_SAFE_INTEGER),
    doc: 'quote requests per client address per minute (429 with `Retry-After` beyond); 0 for none',
  }),
  LOOKUP_RATE_LIMIT_PER_MINUTE: spec({
    default: 600,
    parse: wholeNumber(0, Number.MAX_SAFE_INTEGER),
    doc: 'search, nearby, summaries and single branches, together, per client address per minute; 0 for none',
  }),
  NETWORK_RATE_LIMIT_PER_MINUTE: spec({
    default: 300,
    parse: wholeNumber(0, Number.MAX_SAFE_INTEGER),
    doc: 'requests for the network or a part of it per client address per minute (a widget makes one per page view); 0 for none',
  }),
  CONFIG_RATE_LIMIT_PER_MINUTE: spec({
    default: 120,
    parse: wholeNumber(0, Number.MAX_SAFE_INTEGER),
    doc: 'reads and changes of saved configurations per client address per minute; 0 for none',
  }),
  CONFIG_CREATE_PER_MINUTE: spec({
    default: 10,
    parse: wholeNumber(0, Number.MAX_SAFE_INTEGER),
    doc: '[saved configurations](#saved-configurations) created per client address per minute (429 with `Retry-After` beyond); 0 for none',
  }),
  OTPRAVKA_TOKEN: spec({
    default: '',
    shown: 'none',
    parse: text,
    doc: 'the application token from the otpravka.pochta.ru cabinet; with the next two it turns the [sync](#sync-from-russian-post) on',
  }),
  OTPRAVKA_LOGIN: spec({ default: '', shown: 'none', parse: text, doc: 'the pochta.ru account' }),
  OTPRAVKA_PASSWORD: spec({
    default: '',
    shown: 'none',
    parse: text,
    doc: "the pochta.ru account's password",
  }),
  OTPRAVKA_URL: spec({ default: OTPRAVKA_URL, parse: url(OTPRAVKA_URL), doc: "Otpravka's API" }),
  OTPRAVKA_SYNC_TYPE: spec<PochtaSyncConfig['kind']>({
    default: 'ALL',
    parse: oneOf(['ALL', 'OPS', 'PVZ', 'APS']),
    doc: 'which branches the sync downloads: `ALL`, `OPS`, `PVZ` or `APS`',
  }),
  SYNC_INTERVAL_HOURS: spec({ default: 24, parse: positive, doc: 'hours between syncs' }),
  SYNC_TIMEOUT_SECONDS: spec({ default: 300, parse: positive, doc: 'for the whole download' }),
  EMBED_ALLOWED_ORIGINS: spec<string[]>({
    default: [],
    shown: 'none',
    parse: originList,
    doc: 'origins whose pages may frame [the embed page](#embed-page-for-webviews-and-iframes) and receive the choice, comma-separated (`https://shop.example`)',
  }),
  EMBED_RETURN_URLS: spec<ReturnUrlRule[]>({
    default: [],
    shown: 'none',
    parse: returnUrlList,
    doc: 'where the embed page may send the buyer back with the choice, comma-separated: same scheme and host, path below (`https://shop.example/checkout/`, `myshop://picked`)',
  }),
  DEFAULT_SENDER_POSTAL_CODE: spec<string | null>({
    default: null,
    shown: 'none',
    parse: (raw) => {
      if (!/^\d{6}$/.test(raw)) throw new Error(`must be a six-digit postal code${got(raw)}`);
      return raw;
    },
    doc: 'the sender for pages that cannot name one, such as the [widget.pochta.ru drop-in](#a-drop-in-for-widgetpochtaru-sites)',
  }),
});

/** The environment as `process.env` gives it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** One variable's value: its default when unset or empty, else parsed, or a ConfigError naming it. */
export function readEnv<T>(env: Env, variable: EnvVar<T>): T {
  const raw = env[variable.name];
  if (raw === undefined || raw === '') return variable.default;
  try {
    return variable.parse(raw);
  } catch (error) {
    throw new ConfigError(`${variable.name} ${(error as Error).message}`);
  }
}

const HOUR_MS = 3_600_000;
const SYNC_CREDENTIALS = [ENV.OTPRAVKA_TOKEN, ENV.OTPRAVKA_LOGIN, ENV.OTPRAVKA_PASSWORD] as const;

/** Sync settings when all three credentials are set; null when none is; an error when only some are. */
function syncFromEnv(env: Env): PochtaSyncConfig | null {
  const [token, login, password] = SYNC_CREDENTIALS.map((v) => readEnv(env, v));
  const missing = SYNC_CREDENTIALS.filter((v) => !readEnv(env, v)).map((v) => v.name);
  if (missing.length === SYNC_CREDENTIALS.length) return null;
  if (missing.length) {
    throw new ConfigError(
      `Russian Post sync needs ${SYNC_CREDENTIALS.map((v) => v.name).join(', ')}; missing: ${missing.join(', ')}`,
    );
  }
  return {
    url: readEnv(env, ENV.OTPRAVKA_URL),
    token: token!,
    login: login!,
    password: password!,
    intervalMs: readEnv(env, ENV.SYNC_INTERVAL_HOURS) * HOUR_MS,
    timeoutMs: readEnv(env, ENV.SYNC_TIMEOUT_SECONDS) * 1000,
    kind: readEnv(env, ENV.OTPRAVKA_SYNC_TYPE),
  };
}

function quotesFromEnv(env: Env): QuoteConfig {
  return {
    mode: readEnv(env, ENV.QUOTE_SOURCE),
    tariffUrl: readEnv(env, ENV.TARIFF_UPSTREAM_URL),
    deliveryUrl: readEnv(env, ENV.DELIVERY_UPSTREAM_URL),
    timeoutMs: readEnv(env, ENV.UPSTREAM_TIMEOUT_MS),
    pricing: readEnv(env, ENV.PRICING),
    rates: readEnv(env, ENV.RATE_TABLE),
    cacheMaxEntries: readEnv(env, ENV.QUOTE_CACHE_ENTRIES),
    redisUrl: readEnv(env, ENV.REDIS_URL),
  };
}

/** The quote settings of an empty environment: every default. */
export const defaultQuoteConfig = (): QuoteConfig => quotesFromEnv({});

/** Reads the environment into a configuration, or throws a ConfigError naming the bad variable. */
export function configFromEnv(
  env: Env,
  seed?: () => readonly Branch[],
): { server: ServerConfig; listen: ListenConfig } {
  return {
    server: {
      distDir: readEnv(env, ENV.DIST_DIR),
      publicDir: readEnv(env, ENV.PUBLIC_DIR),
      database: readEnv(env, ENV.DATABASE_PATH),
      basemapPmtiles: readEnv(env, ENV.BASEMAP_PMTILES),
      databaseUrl: readEnv(env, ENV.DATABASE_URL),
      ...(seed ? { seed } : {}),
      reloadIntervalMs: readEnv(env, ENV.RELOAD_INTERVAL_MS),
      sync: syncFromEnv(env),
      quotes: quotesFromEnv(env),
      logger: { level: readEnv(env, ENV.LOG_LEVEL) },
      trustProxy: readEnv(env, ENV.TRUST_PROXY),
      embed: {
        allowedOrigins: readEnv(env, ENV.EMBED_ALLOWED_ORIGINS),
        returnUrls: readEnv(env, ENV.EMBED_RETURN_URLS),
        defaultSender: readEnv(env, ENV.DEFAULT_SENDER_POSTAL_CODE),
      },
      rateLimits: {
        quotes: readEnv(env, ENV.RATE_LIMIT_PER_MINUTE),
        lookups: readEnv(env, ENV.LOOKUP_RATE_LIMIT_PER_MINUTE),
        network: readEnv(env, ENV.NETWORK_RATE_LIMIT_PER_MINUTE),
        configs: readEnv(env, ENV.CONFIG_RATE_LIMIT_PER_MINUTE),
        'config-create': readEnv(env, ENV.CONFIG_CREATE_PER_MINUTE),
      },
    },
    listen: { port: readEnv(env, ENV.PORT), host: readEnv(env, ENV.HOST) },
  };
}
