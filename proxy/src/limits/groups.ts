/**
 * Which requests count against which limit. Each group is counted per client address over a minute;
 * routes of one group share the count (a buyer's search and nearby are one budget). What is not in
 * a group is not limited: static files, the widget's assets, basemap tiles, the embed page, health
 * and metrics.
 */

export type LimitGroup = 'quotes' | 'lookups' | 'network' | 'configs' | 'config-create';

/** Requests per client address per minute for each group; 0 turns a group's limit off. */
export type RateLimits = Record<LimitGroup, number>;

/** The group of a route, by its method and URL pattern (as Fastify registers it), or null. */
export function groupOf(method: string, url: string): LimitGroup | null {
  if (/^\/api\/v1\/(tariff|delivery|quote)$/.test(url)) return 'quotes';
  if (url === '/api/v1/branches') return 'network';
  if (url.startsWith('/api/v1/branches/')) return 'lookups';
  if (url === '/api/v1/configs' && method === 'POST') return 'config-create';
  if (url.startsWith('/api/v1/configs')) return 'configs';
  return null;
}
