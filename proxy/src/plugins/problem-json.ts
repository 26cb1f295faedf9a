/**
 * Every error a client sees is one RFC 9457 problem document (`HttpProblem.toJSON()`): Fastify's
 * validation errors name each bad field and what is allowed, its own client errors keep their
 * status, anything else is a 500 whose cause stays in the log, unknown paths are a 404, and a request
 * Node cannot even parse gets the same shape from `clientErrorHandler`, written to the raw socket.
 */
import type { Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyError, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem, PROBLEM_CONTENT_TYPE, type FieldError } from '../errors';
import { DatabaseUnavailable } from '../store/database-unavailable';

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

/** Seconds a client is told to wait before retrying a write the database did not take. */
const DATABASE_RETRY_AFTER_S = '2';

/** The database did not answer (PostgreSQL down): a write did not happen, a read found nothing to serve. */
function databaseProblem(method: string, error: DatabaseUnavailable): HttpProblem {
  const what =
    method === 'GET' || method === 'HEAD'
      ? 'so this could not be read (it was not in memory yet)'
      : 'so nothing was saved';
  return new HttpProblem(
    503,
    'database-unavailable',
    `The database is unreachable, ${what}: retry in a few seconds. Branches and what was read before are still served.`,
    { cause: error },
  );
}

/** The problem for any error a handler threw. */
function problemOf(error: FastifyError): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error.validation) {
    const errors = fieldErrors(error);
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return new HttpProblem(400, 'invalid-parameter', detail, { errors, cause: error });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new HttpProblem(
      413,
      'body-too-large',
      // The limit is BODY_LIMIT in server.ts.
      'The request body is over the proxy’s 64 KB limit: a saved configuration is a few kilobytes; send the document alone.',
      { cause: error },
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors (body too large, bad content type) keep their status and message.
    const code = (error.code ?? 'client-error').toLowerCase();
    return new HttpProblem(error.statusCode, code, error.message, { cause: error });
  }
  return new HttpProblem(500, 'internal', 'The server failed to answer; the error is in its log.', {
    cause: error,
  });
}

/**
 * Fastify's `frameworkErrors` option: what its router refuses before any hook runs (a path whose
 * percent-encoding is not UTF-8, `/widget/%ff`) as a problem, never echoing the path.
 */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? new HttpProblem(
          400,
          'bad-url',
          'The path is not valid percent-encoding: write each byte outside ASCII as %XX of its UTF-8.',
          { cause: error },
        )
      : problemOf(error);
  void reply
    .code(problem.status)
    .header('x-content-type-options', 'nosniff')
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem.toJSON());
}

/** What Node's HTTP parser reports, as the status and sentence a client can act on. */
function clientProblem(error: NodeJS.ErrnoException): HttpProblem {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new HttpProblem(
        431,
        'headers-too-large',
        'The request headers are larger than the server reads (16 KB): send fewer or shorter ones.',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return new HttpProblem(
        408,
        'request-timeout',
        'The request did not arrive in time: send it whole, promptly.',
      );
    case 'HPE_INVALID_URL':
      return new HttpProblem(
        400,
        'unparseable-request',
        'The request line could not be parsed: the URL must be ASCII, with anything else percent-encoded.',
      );
    default:
      return new HttpProblem(
        400,
        'unparseable-request',
        `The request is not valid HTTP/1.1 (${error.code ?? 'unreadable'}): check the request line and headers.`,
      );
  }
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Fastify's `clientErrorHandler` option: a request Node cannot parse (raw UTF-8 in the URL, a broken
 * header, headers too large or too slow) never reaches a route, so its problem is written to the
 * socket by hand, with the status that says what happened.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const problem = clientProblem(error);
  const body = JSON.stringify(problem.toJSON());
  socket.end(
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const plugin: FastifyPluginCallback = (app, _options, done) => {
  // An `Expect` other than 100-continue: Node would answer a bare 417 itself; ours says why.
  app.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const problem = new HttpProblem(
      417,
      'expectation-failed',
      'The only Expect this server meets is 100-continue: send the request without the header.',
    );
    const body = JSON.stringify(problem.toJSON());
    request.resume();
    response
      .writeHead(417, {
        'content-type': PROBLEM_CONTENT_TYPE,
        'x-content-type-options': 'nosniff',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      })
      .end(body);
  });
  // Shutting down: what is in flight finishes; what arrives now is told to go elsewhere.
  let closing = false;
  app.addHook('preClose', (next) => {
    closing = true;
    next();
  });
  app.addHook('onRequest', (request, reply, next) => {
    // Node's own check (requireHostHeader, turned off in server.ts) would answer a bare 400.
    if (request.headers.host === undefined && request.raw.httpVersion === '1.1')
      return next(new HttpProblem(400, 'missing-host', 'An HTTP/1.1 request needs a Host header.'));
    if (!closing) return next();
    reply.header('connection', 'close').header('retry-after', '1');
    next(
      new HttpProblem(
        503,
        'shutting-down',
        'This proxy instance is shutting down: retry in a moment, and another instance (or this one, restarted) will answer.',
      ),
    );
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem =
      error instanceof DatabaseUnavailable
        ? databaseProblem(request.method, error)
        : problemOf(error);
    // An error we did not expect; our own 5xx problems (upstream failed) are answers, not bugs.
    if (problem !== error && problem.status >= 500)
      request.log.error({ err: error }, problem.detail);
    if (error instanceof DatabaseUnavailable) reply.header('retry-after', DATABASE_RETRY_AFTER_S);
    // Also for errors raised before the security headers' hook ran (an earlier onRequest hook).
    return reply
      .code(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .header('x-content-type-options', 'nosniff')
      .send(problem.toJSON());
  });
  // The path as the client sent it, with what could be markup percent-encoded: never echoed as is.
  const inertPath = (path: string): string =>
    path.replace(/[<>"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  app.setNotFoundHandler((request, reply) => {
    const problem = new HttpProblem(
      404,
      'not-found',
      `Nothing at ${request.method} ${inertPath(request.url.split('?')[0]!)}.`,
    );
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON());
  });
  done();
};

/** Error and not-found handlers for the whole server (pair it with `clientErrorHandler`). */
export const problemJson = fp(plugin, { name: 'problem-json' });
