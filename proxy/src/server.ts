/**
 * `createServer(config)`: the whole proxy as a Fastify instance that has not started listening.
 * Tests and benchmarks call it directly; `main.ts` adds the environment, the port and signals.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import path from 'node:path';
import { BranchService } from './branches/branch-service';
import type { ServerConfig } from './config';
import { HttpProblem, PROBLEM_CONTENT_TYPE, type FieldError } from './errors';
import { branchRoutes } from './routes/branches';
import { staticRoutes } from './routes/static';
import { openDatabase } from './store/database';
import { PochtaSync } from './sync/pochta-sync';

declare module 'fastify' {
  interface FastifyInstance {
    /** The branches this server serves. */
    branches: BranchService;
    /** The Russian Post sync, when configured. */
    sync: PochtaSync | null;
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

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  // Ready while there are branches to serve; a failed sync shows here but keeps the old data serving.
  app.get('/readyz', async (_request, reply) => {
    const size = branches.current.size;
    const ready = size > 0;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      branches: size,
      ...(sync ? { sync: sync.status() } : {}),
    });
  });

  // Everything below is public and read-only: the widget runs on other sites' origins, so any
  // origin may read it. Endpoints that write will live in their own context with a narrower policy.
  await app.register(async (open) => {
    await open.register(cors, { origin: '*', methods: ['GET', 'HEAD'], maxAge: 86_400 });
    await open.register(branchRoutes, { prefix: '/api/v1', branches });
    await open.register(staticRoutes, {
      distDir: config.distDir,
      publicDir: config.publicDir,
      configuratorDir: path.join(config.distDir, 'configurator'),
    });
  });

  return app;
}
