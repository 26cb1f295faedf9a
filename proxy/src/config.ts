/**
 * The proxy's configuration: one typed object with documented defaults. `main.ts` is the only
 * reader of `process.env`; it hands the environment to `configFromEnv`, which validates it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import type { Branch } from '#core/branch';

/** The repository root, from which the default folders are found. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerConfig {
  /** Built artefacts: `widget/`, `basemap/`, `configurator/` inside. Default `<root>/dist`. */
  distDir: string;
  /** Static pages that are not generated (the demo checkout). Default `<root>/public`. */
  publicDir: string;
  /** The branches to serve, or a function that produces them once, at start. */
  branches: readonly Branch[] | (() => readonly Branch[]);
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
export function configFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  branches: ServerConfig['branches'],
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
      branches,
      logger: { level },
      trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    },
    listen: { port: port(env.PORT), host: env.HOST ?? '127.0.0.1' },
  };
}
