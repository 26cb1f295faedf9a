/**
 * The parsers of `ENV` (config.ts): each reads one variable's set value, or throws a message that
 * reads after the variable's name (`PORT must be a whole number…`); `readEnv` adds the name.
 */
import path from 'node:path';

/** The value as the message quotes it. */
export const got = (raw: string): string => `, got ${JSON.stringify(raw)}`;

/** A whole number from `min` to `max`. */
export const wholeNumber = (min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`must be a whole number from ${min} to ${max}${got(raw)}`);
  return n;
};

/** A number above 0. */
export const positive = (raw: string): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`must be a positive number${got(raw)}`);
  return n;
};

/** One of `allowed`, exactly. */
export const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (raw: string): T => {
    if (!(allowed as readonly string[]).includes(raw))
      throw new Error(`must be one of ${allowed.join(', ')}${got(raw)}`);
    return raw as T;
  };

/** Any URL, without its trailing slash; `example` shows what one looks like. */
export const url = (example: string) => (raw: string) => {
  try {
    return new URL(raw).href.replace(/\/$/, '');
  } catch {
    throw new Error(`must be a URL such as ${example}${got(raw)}`);
  }
};

/**
 * A URL of a service with a secret in it (a password), checked for one of `schemes` and a host, and
 * returned as it is. A message never quotes the value; it names the scheme it got, when there is one.
 */
function serviceUrl(schemes: readonly string[], example: string): (raw: string) => URL {
  const wanted = `must be a ${schemes.map((s) => `${s}://`).join(' or ')} URL such as ${example}`;
  return (raw) => {
    const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(raw)?.[1]?.toLowerCase();
    if (!scheme || !schemes.includes(scheme))
      throw new Error(scheme ? `${wanted}, got a ${scheme}:// one` : wanted);
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(wanted);
    }
    if (!parsed.hostname) throw new Error(`must name a host, as in ${example}`);
    return parsed;
  };
}

const redis = serviceUrl(['redis', 'rediss'], 'redis://127.0.0.1:6379');

/** A `redis://` or `rediss://` (TLS) URL, as it is. */
export const redisUrl = (raw: string): string => {
  redis(raw);
  return raw;
};

const POSTGRES_EXAMPLE = 'postgres://user:password@127.0.0.1:5432/branch_picker';
const postgres = serviceUrl(['postgres', 'postgresql'], POSTGRES_EXAMPLE);

/** A `postgres://` or `postgresql://` URL naming a database, as it is. */
export const postgresUrl = (raw: string): string => {
  if (postgres(raw).pathname.length <= 1)
    throw new Error(`must name a database, as in ${POSTGRES_EXAMPLE}`);
  return raw;
};

/** 1, true, 0 or false. */
export const flag = (raw: string): boolean => {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`must be 1, true, 0 or false${got(raw)}`);
};

/** Any text, as it is. */
export const text = (raw: string): string => raw;

/** A folder, resolved from the working directory. */
export const directory = (raw: string): string => path.resolve(raw);

/** JSON holding an object, read by a domain module's parser of plain values. */
export const jsonObject =
  <T>(read: (value: Readonly<Record<string, unknown>>) => T) =>
  (raw: string): T => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new Error(`is not JSON (${(error as Error).message})`, { cause: error });
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new Error(`must be a JSON object${got(raw)}`);
    try {
      return read(value as Record<string, unknown>);
    } catch (error) {
      throw new Error(`has a bad field: ${(error as Error).message}`, { cause: error });
    }
  };
