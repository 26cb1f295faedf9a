/**
 * Who may receive a choice from the embed page (and a saved configuration's sites): the iframe parents named in EMBED_ALLOWED_ORIGINS
 * (by exact origin), and the return URLs under EMBED_RETURN_URLS. Everything is compared parsed,
 * never as text: `https://shop.ru.evil.com`, `https://shop.ru@evil.com`, `https://shop.ru/x-evil`
 * and `https://shop.ru/checkout/../admin` are what they are, not what they start with.
 */

/** A return URL rule: a scheme, a host with its port (empty for some app schemes), a path prefix. */
export interface ReturnUrlRule {
  protocol: string;
  host: string;
  /** Ends with `/`: `/checkout/` allows `/checkout` and everything below it, not `/checkout-evil`. */
  path: string;
}

/** `https://shop.example` from any spelling of an origin; throws for a URL that is more or less. */
export function parseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${JSON.stringify(raw)} is not an origin such as https://shop.example`);
  }
  if (
    !/^https?:$/.test(url.protocol) ||
    url.username ||
    url.password ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    raw.endsWith('/')
  )
    throw new Error(
      `${JSON.stringify(raw)} is not an origin such as https://shop.example (scheme, host and port only)`,
    );
  return url.origin;
}

/** A comma- or space-separated list, empty entries dropped. */
const items = (raw: string): string[] => raw.split(/[\s,]+/).filter(Boolean);

/** EMBED_ALLOWED_ORIGINS. */
export const originList = (raw: string): string[] => items(raw).map(parseOrigin);

/** One EMBED_RETURN_URLS entry. */
export function parseReturnRule(raw: string): ReturnUrlRule {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `${JSON.stringify(raw)} is not a URL such as https://shop.example/checkout/ or myshop://picked`,
    );
  }
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    /^(javascript|data|blob|file|vbscript):$/.test(url.protocol)
  )
    throw new Error(
      `${JSON.stringify(raw)} cannot be a return URL: a scheme, a host and a path only`,
    );
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { protocol: url.protocol, host: url.host, path };
}

/** EMBED_RETURN_URLS. */
export const returnUrlList = (raw: string): ReturnUrlRule[] => items(raw).map(parseReturnRule);

/** The parent origin when it is allowed, else null. */
export function allowedOrigin(candidate: string, allowed: readonly string[]): string | null {
  try {
    const origin = parseOrigin(candidate);
    return allowed.includes(origin) ? origin : null;
  } catch {
    return null;
  }
}

/** The return URL, parsed and normalised, when a rule allows it; else null. */
export function allowedReturnUrl(
  candidate: string,
  rules: readonly ReturnUrlRule[],
): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const path = url.pathname || '/';
  const ok = rules.some(
    (r) =>
      r.protocol === url.protocol &&
      r.host === url.host &&
      (path.startsWith(r.path) || `${path}/` === r.path || (r.path === '/' && path === '')),
  );
  return ok ? url.href : null;
}
