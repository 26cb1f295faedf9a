/**
 * `/embed`: the page a mobile app opens in a webview, or a site in an iframe. Options come in the
 * query under the attributes' names and are read by the page; the proxy decides the two things a
 * page must not decide for itself — which parent may receive the choice (`parent_origin`, against
 * EMBED_ALLOWED_ORIGINS) and where the buyer may be sent back (`return_url`, against
 * EMBED_RETURN_URLS) — and sends a Content-Security-Policy whose `frame-ancestors` lists only the
 * allowed parents. With `config=<id>`, the saved configuration's allowed sites and return URLs are
 * allowed too; a configuration that cannot be found is named on the page, which still renders (the
 * widget then reports `code: 'config'` itself).
 */
import type { FastifyPluginAsync } from 'fastify';
import { CONFIG_ID_PATTERN } from '#core/widget-config';
import type { EmbedConfig } from '../config';
import type { ConfigEntry } from '../configs/config-service';
import { allowedOrigin, allowedReturnUrl, type ReturnUrlRule } from '../embed/allowed';
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

/** The lists a page is checked against: the environment's, and its configuration's. */
interface Allowed {
  origins: readonly string[];
  returnRules: readonly ReturnUrlRule[];
  /** What to add them to, as the problems say it. */
  originsSetting: string;
  returnSetting: string;
}

export const embedRoutes: FastifyPluginAsync<EmbedRoutesOptions> = async (app, config) => {
  const csp = policy(config.allowedOrigins);
  const fromEnv: Allowed = {
    origins: config.allowedOrigins,
    returnRules: config.returnUrls,
    originsSetting: 'EMBED_ALLOWED_ORIGINS on the proxy',
    returnSetting: 'EMBED_RETURN_URLS on the proxy',
  };
  const withConfig = (entry: ConfigEntry): Allowed => ({
    origins: [...new Set([...config.allowedOrigins, ...entry.origins])],
    returnRules: [...config.returnUrls, ...entry.returnRules],
    originsSetting: `configuration ${entry.stored.id}'s allowed sites (or EMBED_ALLOWED_ORIGINS on the proxy)`,
    returnSetting: `configuration ${entry.stored.id}'s return URLs (or EMBED_RETURN_URLS on the proxy)`,
  });

  app.get('/embed', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const decision: EmbedDecision = { parentOrigin: null, returnUrl: null, problems: [] };
    let allowed = fromEnv;
    const id = one(query.config);
    if (id !== undefined) {
      const entry = CONFIG_ID_PATTERN.test(id) ? await app.configs.find(id) : undefined;
      if (entry) allowed = withConfig(entry);
      else
        decision.problems.push(
          CONFIG_ID_PATTERN.test(id)
            ? `config ${id} is not a saved configuration: only the proxy's own lists apply. Check the id in the configurator.`
            : `config ${JSON.stringify(id)} is not a configuration id (12 lower-case letters and digits): only the proxy's own lists apply.`,
        );
    }
    const parent = one(query.parent_origin);
    if (parent !== undefined) {
      decision.parentOrigin = allowedOrigin(parent, allowed.origins);
      if (!decision.parentOrigin)
        decision.problems.push(
          `parent_origin ${JSON.stringify(parent)} is not allowed: the choice is not posted to it. Add the origin to ${allowed.originsSetting}.`,
        );
    }
    const back = one(query.return_url);
    if (back !== undefined) {
      decision.returnUrl = allowedReturnUrl(back, allowed.returnRules);
      if (!decision.returnUrl)
        decision.problems.push(
          `return_url ${JSON.stringify(back)} is not allowed: the buyer is not sent there. Add a prefix of it to ${allowed.returnSetting} (same scheme and host, a path below).`,
        );
    }
    return reply
      .header('content-security-policy', allowed === fromEnv ? csp : policy(allowed.origins))
      .header('cache-control', PAGE_CACHE)
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(embedPage(decision, one(query.lang) ?? 'ru'));
  });

  app.get('/embed/embed.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', STYLE_CACHE).type('text/css; charset=utf-8').send(EMBED_CSS),
  );
};
