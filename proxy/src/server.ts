/**
 * `createServer(config)`: the whole proxy as a Fastify instance that has not started listening.
 * Tests and benchmarks call it directly; `main.ts` adds the environment, the port and signals.
 */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import path from 'node:path';
import { BranchService } from './branches/branch-service';
import type { ServerConfig } from './config';
import { HttpProblem, PROBLEM_CONTENT_TYPE, type FieldError } from './errors';
import { branchRoutes } from './routes/branches';
import { MemoryCache } from './cache/memory-cache';
import { publicCors } from './public-cors';
import { Metrics } from './metrics';
import { CircuitBreaker } from './quotes/circuit-breaker';
import { QuoteService } from './quotes/quote-service';
import { PochtaDelivery } from './quotes/upstreams/pochta-delivery';
import { PochtaTariff } from './quotes/upstreams/pochta-tariff';
import { quoteRoutes } from './routes/quotes';
import { staticRoutes } from './routes/static';
import { openDatabase } from './store/database';
import { PochtaSync } from './sync/pochta-sync';

declare module 'fastify' {
  interface FastifyInstance {
    /** The branches this server serves. */
    branches: BranchService;
    /** The Russian Post sync, when configured. */
    sync: PochtaSync | null;
    /** Cost and delivery time. */
    quotes: QuoteService;
    metrics: Metrics;
  }
}

/** Requests carry no bodies yet; the cap keeps a stray upload from costing memory. */
const BODY_LIMIT = 64 * 1024;

/** Turns Fastify's validation errors into `{field, message}` pairs a client can act on. */
function fieldErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const where =
      error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'request');
    const name =
      v.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
      ((v.params as { missingProperty?: string }).missingProperty ?? '');
    const described = (v as { parentSchema?: { description?: string } }).parentSchema?.description;
    // A schema's description says what is allowed ("a latitude from -90 to 90"): better than ajv's words.
    const message =
      described && v.keyword !== 'required' ? `must be ${described}` : (v.message ?? 'is invalid');
    return { field: `${where}.${name}`, message };
  });
}

export async function createServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger,
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    // Validation errors list every bad field, and carry the schema so messages can name what is allowed.
    ajv: { customOptions: { allErrors: true, verbose: true } },
    return503OnClosing: true,
    // A log line per request halves the cached quote path's throughput: requests are logged at
    // debug level (LOG_LEVEL=debug) by the onResponse hook; errors, syncs and starts at info and up.
    logController: new LogController({ disableRequestLogging: true }),
    // A request Node cannot parse (raw UTF-8 in the URL, a broken header) still gets problem+json.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const body = JSON.stringify({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: `the request could not be parsed (${error.code ?? error.message}): the URL must be ASCII, with anything else percent-encoded`,
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });

  const db = openDatabase(config.database);
  const branches = new BranchService(db, {
    ...(config.seed ? { seed: config.seed } : {}),
    onReload: (index) => app.log.info({ branches: index.size }, 'branches reloaded'),
  });
  app.decorate('branches', branches);
  if (config.reloadIntervalMs > 0) branches.watch(config.reloadIntervalMs);
  const sync = config.sync ? new PochtaSync(config.sync, branches, app.log) : null;
  app.decorate('sync', sync);
  // On listen, not on ready: a server used through inject() (tests) syncs only when told to.
  app.addHook('onListen', async () => sync?.start());
  app.addHook('onClose', async () => {
    await sync?.stop();
    branches.stop();
    db.close();
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: HttpProblem;
    if (error instanceof HttpProblem) {
      problem = error;
    } else if (error.validation) {
      const errors = fieldErrors(error);
      problem = new HttpProblem(
        400,
        'invalid-parameter',
        errors.map((e) => `${e.field} ${e.message}`).join('; '),
        {
          errors,
          cause: error,
        },
      );
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (body too large, bad content type) keep their status and message.
      problem = new HttpProblem(
        error.statusCode,
        (error.code ?? 'client-error').toLowerCase(),
        error.message,
        { cause: error },
      );
    } else {
      request.log.error({ err: error }, 'request failed');
      problem = new HttpProblem(
        500,
        'internal',
        'The server failed to answer; the error is in its log.',
        { cause: error },
      );
    }
    if (problem.status >= 500 && problem !== error)
      request.log.error({ err: error }, problem.detail);
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON());
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new HttpProblem(
      404,
      'not-found',
      `Nothing at ${request.method} ${request.url.split('?')[0]}.`,
    );
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON());
  });

  // Hooks on every request are callback-style: an async hook costs a promise per request.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('x-content-type-options', 'nosniff');
    done();
  });

  const metrics = new Metrics();
  app.decorate('metrics', metrics);
  app.addHook('onResponse', (request, reply, done) => {
    metrics.request(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode);
    if (
      (request.log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('debug')
    ) {
      request.log.debug(
        {
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });

  const breakers = { tariff: new CircuitBreaker(), delivery: new CircuitBreaker() };
  const observe = (upstream: string) => (seconds: number, outcome: string) =>
    metrics.upstreamSeconds.observe({ upstream, outcome }, seconds);
  const q = config.quotes;
  const quotes = new QuoteService({
    tariff: new PochtaTariff({
      url: q.tariffUrl,
      timeoutMs: q.timeoutMs,
      breaker: breakers.tariff,
      observe: observe('tariff'),
    }),
    delivery: new PochtaDelivery({
      url: q.deliveryUrl,
      timeoutMs: q.timeoutMs,
      breaker: breakers.delivery,
      observe: observe('delivery'),
    }),
    cache: new MemoryCache({ maxEntries: q.cacheMaxEntries }),
    source: q.source,
    pricing: q.pricing,
    rates: q.rates,
    locate: () => (code) => branches.current.locate(code),
    metrics,
    onRefreshError: (error) =>
      app.log.warn({ err: error }, 'quote refresh failed; the cached answer stays'),
  });
  app.decorate('quotes', quotes);

  // The API described from the same schemas that validate it.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'branch-picker proxy',
        version: '1',
        description:
          'Branches, search, cost and delivery time for the <branch-picker> widget. Errors are application/problem+json.',
      },
    },
  });
  // Registered only when limiting: the plugin costs every request something even on unlimited routes.
  if (q.rateLimitPerMinute > 0) await app.register(rateLimit, { global: false });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const level = { closed: 0, 'half-open': 1, open: 2 } as const;
    for (const [name, breaker] of Object.entries(breakers))
      metrics.breaker.set({ upstream: name }, level[breaker.state]);
    return reply.type(metrics.contentType).send(await metrics.text());
  });
  // Ready while there are branches to serve; a failed sync shows here but keeps the old data serving.
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const size = branches.current.size;
    const ready = size > 0;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      branches: size,
      // Quotes keep answering when Russian Post does not (stale or estimated): shown, not fatal.
      quotes: {
        source: q.source,
        tariff: breakers.tariff.state,
        delivery: breakers.delivery.state,
      },
      ...(sync ? { sync: sync.status() } : {}),
    });
  });

  // Everything below is public and read-only: the widget runs on other sites' origins, so any
  // origin may read it. Endpoints that write will live in their own context with a narrower policy.
  await app.register(async (open) => {
    await open.register(publicCors);
    await open.register(branchRoutes, { prefix: '/api/v1', branches });
    await open.register(quoteRoutes, {
      prefix: '/api/v1',
      quotes,
      rateLimitPerMinute: q.rateLimitPerMinute,
    });
    open.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await open.register(staticRoutes, {
      distDir: config.distDir,
      publicDir: config.publicDir,
      configuratorDir: path.join(config.distDir, 'configurator'),
    });
  });

  return app;
}
