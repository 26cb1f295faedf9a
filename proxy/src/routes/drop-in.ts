/**
 * `/map/widget/widget.js`: the drop-in for sites written for widget.pochta.ru (they load this very
 * path from Russian Post's host; changing the host is the whole switch). The build writes the
 * script (widget/src/pochta/ecom-start-widget.ts); the proxy fills in its default sender,
 * DEFAULT_SENDER_POSTAL_CODE, as it serves it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { HttpProblem } from '../errors';

export interface DropInRoutesOptions {
  distDir: string;
  defaultSender: string | null;
}

/** The placeholder the build leaves in the script. */
const PLACEHOLDER = /__BP_DEFAULT_SENDER__/g;
const SCRIPT_CACHE = 'public, max-age=300';

export const dropInRoutes: FastifyPluginAsync<DropInRoutesOptions> = async (app, config) => {
  const file = path.join(config.distDir, 'widget', 'ecom-widget.js');
  // JSON of a six-digit code or null: nothing a script could be made of.
  const sender = JSON.stringify(config.defaultSender);

  app.get('/map/widget/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    let code: string;
    try {
      code = await readFile(file, 'utf8');
    } catch (error) {
      throw new HttpProblem(
        503,
        'not-built',
        'The drop-in script is not built; run npm run build on the proxy.',
        { cause: error },
      );
    }
    return reply
      .header('cache-control', SCRIPT_CACHE)
      .type('text/javascript; charset=utf-8')
      .send(code.replace(PLACEHOLDER, sender));
  });
};
