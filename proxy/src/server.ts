/**
 * `createServer(config)`: the whole proxy as a Fastify instance that has not started listening.
 * Tests and benchmarks call it directly; `main.ts` adds the environment, the port and signals.
 *
 * It is a list of plugins in order. Cross-cutting ones (`plugins/`, fastify-plugin) decorate the
 * server with what routes read (`app.metrics`, `app.branches`, `app.sync`, `app.quotes`); route groups
 * (`routes/`) are encapsulated.
 */
import { finiteKeyword, finiteNumbersEverywhere } from './plugins/finite-numbers';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { branchesPlugin } from './plugins/branches';
import { configsPlugin } from './plugins/configs';
import { databasePlugin } from './plugins/database';
import { metricsPlugin } from './plugins/metrics';
import { openapi } from './plugins/openapi';
import { clientErrorHandler, frameworkErrors, problemJson } from './plugins/problem-json';
import { publicCors } from './plugins/public-cors';
import { quotesPlugin } from './plugins/quotes';
import { rateLimits } from './plugins/rate-limits';
import { securityHeaders } from './plugins/security';
import { streetsPlugin } from './plugins/streets';
import { branchRoutes } from './routes/branches';
import { configRoutes } from './routes/configs';
import { dropInRoutes } from './routes/drop-in';
import { embedRoutes } from './routes/embed';
import { healthRoutes } from './routes/health';
import { lazyLogger } from './request-logger';
import { quoteRoutes } from './routes/quotes';
import { staticRoutes } from './routes/static';
import { streetRoutes } from './routes/streets';

/**
 * Only saved configurations carry bodies, a few kilobytes each; the cap keeps a stray upload from
 * costing memory (a 413 problem beyond it, whose sentence in plugins/problem-json.ts says 64 KB).
 */
const BODY_LIMIT = 64 * 1024;

/**
 * How long one plugin may take to register. Fastify's 10 s default is too short for the first start
 * on an empty database, which stores and indexes the demo network (40,500 branches: about 10 s on a
 * small machine, more when two instances seed one PostgreSQL at once).
 */
const PLUGIN_TIMEOUT_MS = 180_000;

/** The proxy, ready to `listen()` or `inject()`. */
export async function createServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    // Each request's logger is made when it first logs (request-logger.ts), not for every request.
    ...(config.logger ? { loggerInstance: lazyLogger(config.logger) } : { logger: false }),
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    pluginTimeout: PLUGIN_TIMEOUT_MS,
    // Validation errors list every bad field, and carry the schema so messages can name what is allowed.
    // Every number finite (plugins/finite-numbers.ts): coerced `1e400` would pass min and max.
    ajv: { customOptions: { allErrors: true, verbose: true }, plugins: [finiteKeyword] },
    // While closing, new requests get our problem (plugins/problem-json.ts), not Fastify's JSON.
    return503OnClosing: false,
    // Requests are logged at debug level by the metrics plugin; errors, syncs and starts at info and up.
    logController: new LogController({ disableRequestLogging: true }),
    clientErrorHandler,
    frameworkErrors,
    // A request without Host is refused by our problem (plugins/problem-json.ts), not Node's bare 400.
    http: { requireHostHeader: false },
  });

  finiteNumbersEverywhere(app);
  await app.register(problemJson);
  await app.register(securityHeaders);
  await app.register(metricsPlugin);
  // First of the resources: a bad BASEMAP_PMTILES stops the start before the data is loaded.
  await app.register(streetsPlugin, config);
  await app.register(databasePlugin, config);
  await app.register(branchesPlugin, config);
  await app.register(quotesPlugin, config.quotes);
  await app.register(configsPlugin, config);
  // Before every route: it gives each route of a limited group its limit (limits/groups.ts).
  await app.register(rateLimits, {
    limits: config.rateLimits,
    redisUrl: config.quotes.redisUrl,
  });
  await app.register(healthRoutes);
  // Here, above both contexts below, so that it describes the routes of each.
  await app.register(openapi);

  // Saved configurations: not public. Reads answer only each configuration's allowed sites, writes
  // only this proxy's own origin (configs/origin-policy.ts); so not inside the context below.
  await app.register(configRoutes, { prefix: '/api/v1' });

  // Everything below is public and read-only: the widget runs on other sites' origins, so any
  // origin may read it (a request bound to a configuration, `quote?config=`, narrows that itself).
  await app.register(async (open) => {
    await open.register(publicCors);
    await open.register(branchRoutes, { prefix: '/api/v1' });
    await open.register(quoteRoutes, { prefix: '/api/v1' });
    await open.register(embedRoutes, config.embed);
    await open.register(dropInRoutes, {
      distDir: config.distDir,
      defaultSender: config.embed.defaultSender,
    });
    await open.register(streetRoutes);
    await open.register(staticRoutes, {
      distDir: config.distDir,
      publicDir: config.publicDir,
      configuratorDir: path.join(config.distDir, 'configurator'),
    });
  });

  return app;
}
