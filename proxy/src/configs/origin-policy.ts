/**
 * Which pages may use a saved configuration, decided by the proxy, never by the page. A request
 * bound to a configuration (reading it, or a quote priced by it) that carries an `Origin` must come
 * from the proxy's own origin or from one of the configuration's `allowedOrigins`; one without an
 * `Origin` (a same-origin GET, a server) may. An allowed cross-origin read gets
 * `Access-Control-Allow-Origin: <that origin>`, never `*`, and every answer `Vary: Origin`.
 * Refusals are readable by the page that was refused (its own origin in the header), so that the
 * widget can show the sentence that says what to do; they carry nothing of the configuration.
 *
 * Writes (create, save, delete, a new token, restore) come only from the proxy's own origin, where
 * the configurator lives: any other `Origin` is refused, and no CORS header is ever sent for them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../errors';
import type { ConfigEntry } from './config-service';

/** The proxy's own origin as this request reached it: scheme and Host (X-Forwarded-* with TRUST_PROXY). */
export function ownOrigin(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return 'null';
  }
}

/** The `Origin` header, spelt as an origin (default ports dropped); undefined when there is none. */
function originOf(request: FastifyRequest): string | undefined {
  const raw = request.headers.origin;
  if (raw === undefined) return undefined;
  try {
    const origin = new URL(raw).origin;
    return origin === 'null' ? raw : origin;
  } catch {
    return raw;
  }
}

/** Adds a request header to `Vary`, keeping those already there. */
export function varyOn(reply: FastifyReply, header: string): void {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, ${header}` : header);
}

/** Lets the page that asked read this answer, and tells caches that the answer depends on it. */
function allowReader(reply: FastifyReply, origin: string | undefined): void {
  if (!/\borigin\b/i.test(String(reply.getHeader('vary') ?? ''))) varyOn(reply, 'Origin');
  if (origin === undefined) reply.removeHeader('access-control-allow-origin');
  else reply.header('access-control-allow-origin', origin);
}

/**
 * Checks a configuration-bound read against the configuration's allowed sites: sets the CORS
 * headers, or throws the 403 that names the origin to add.
 */
export function guardRead(request: FastifyRequest, reply: FastifyReply, entry: ConfigEntry): void {
  const origin = originOf(request);
  allowReader(reply, origin);
  if (origin === undefined || origin === ownOrigin(request) || entry.origins.has(origin)) return;
  throw new HttpProblem(
    403,
    'origin-not-allowed',
    origin.startsWith('http')
      ? `Pages on ${origin} may not use configuration ${entry.stored.id}: add ${origin} to the configuration's allowed sites (in the configurator), then reload the page.`
      : `A page with an opaque origin (${origin}: a sandboxed frame, a file) may not use configuration ${entry.stored.id}: serve the page from a site in the configuration's allowed sites.`,
  );
}

/** Makes a refusal (404, 403) of a configuration-bound read readable by the page that asked. */
export function readableProblem(request: FastifyRequest, reply: FastifyReply): void {
  allowReader(reply, originOf(request));
}

/** Refuses a write from any origin but the proxy's own (no CORS: browsers cannot read the answer). */
export function guardWrite(request: FastifyRequest): void {
  const origin = originOf(request);
  if (origin === undefined) return;
  const own = ownOrigin(request);
  if (origin === own) return;
  throw new HttpProblem(
    403,
    'cross-origin-write',
    `Configurations are changed only from this proxy's own pages (${own}), such as the configurator; a page on ${origin} cannot. (Behind a reverse proxy, set TRUST_PROXY=1 so that the proxy sees the address the browser used.)`,
  );
}
