/**
 * `/embed`: the page a mobile app opens in a webview, or a site in an iframe. Options come in the
 * query under the attributes' names and are read by the page; the proxy decides the two things a
 * page must not decide for itself — which parent may receive the choice (`parent_origin`, against
 * EMBED_ALLOWED_ORIGINS) and where the buyer may be sent back (`return_url`, against
 * EMBED_RETURN_URLS) — and sends a Content-Security-Policy whose `frame-ancestors` lists only the
 * allowed parents.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { EmbedConfig } from '../config';
import { allowedOrigin, allowedReturnUrl } from '../embed/allowed';
import { EMBED_CSS, embedPage, type EmbedDecision } from '../embed/embed-page';

export type EmbedRoutesOptions = Pick<EmbedConfig, 'allowedOrigins' | 'returnUrls'>;

/** The page may change with a release: browsers revalidate it often. */
const PAGE_CACHE = 'no-cache';
const STYLE_CACHE = 'public, max-age=300';

/** The page's policy: its own origin for everything, framed only by the allowed parents. */
function policy(allowedOrigins: readonly string[]): string {
  const ancestors = allowedOrigins.length ? allowedOrigins.join(' ') : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

const one = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;

export const embedRoutes: FastifyPluginAsync<EmbedRoutesOptions> = async (app, config) => {
  const csp = policy(config.allowedOrigins);

  app.get('/embed', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const decision: EmbedDecision = { parentOrigin: null, returnUrl: null, problems: [] };
    const parent = one(query.parent_origin);
    if (parent !== undefined) {
      decision.parentOrigin = allowedOrigin(parent, config.allowedOrigins);
      if (!decision.parentOrigin)
        decision.problems.push(
          `parent_origin ${JSON.stringify(parent)} is not allowed: the choice is not posted to it. Add the origin to EMBED_ALLOWED_ORIGINS on the proxy.`,
        );
    }
    const back = one(query.return_url);
    if (back !== undefined) {
      decision.returnUrl = allowedReturnUrl(back, config.returnUrls);
      if (!decision.returnUrl)
        decision.problems.push(
          `return_url ${JSON.stringify(back)} is not allowed: the buyer is not sent there. Add a prefix of it to EMBED_RETURN_URLS on the proxy (same scheme and host, a path below).`,
        );
    }
    return reply
      .header('content-security-policy', csp)
      .header('cache-control', PAGE_CACHE)
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(embedPage(decision, one(query.lang) ?? 'ru'));
  });

  app.get('/embed/embed.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', STYLE_CACHE).type('text/css; charset=utf-8').send(EMBED_CSS),
  );
};
