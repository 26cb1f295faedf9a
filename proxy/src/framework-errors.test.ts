/**
 * Errors that happen before any route: what Fastify's router and Node's HTTP parser refuse. Each is
 * a problem document with `nosniff`, over real sockets on loopback, and none echoes what was sent.
 */
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { createServer } from './server';
import { testConfig } from './server.fixture';

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = await createServer(testConfig({ seed: () => [makeBranch('410012')] }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(() => app.close());

/** Writes bytes to the server and reads everything it answers until it closes. */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [status = '', ...headers] = head.split('\r\n');
  const header = (name: string) =>
    headers
      .find((h) => h.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  return { status: Number(status.split(' ')[1]), header, body };
}

describe('before any route', () => {
  it('answers a path that is not UTF-8 percent-encoding with a problem, not echoing it', async () => {
    const res = await app.inject('/widget/%ff%3Cscript%3E');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toMatchObject({
      status: 400,
      detail: expect.stringMatching(/percent-encoding/),
    });
    expect(res.body).not.toMatch(/%ff|<script|%3C/i);
  });

  it.each([
    ['raw UTF-8 in the request line', Buffer.from('GET /поиск HTTP/1.1\r\nHost: x\r\n\r\n'), 400],
    ['a line that is not HTTP', 'HELLO THERE\r\n\r\n', 400],
    [
      'headers over 16 KB',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
    ['a header with no colon', 'GET / HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n', 400],
  ])('answers %s with a %i problem', async (_name, request, status) => {
    const { status: got, header, body } = parse(await raw(request));
    expect(got).toBe(status);
    expect(header('content-type')).toMatch(/^application\/problem\+json/);
    expect(header('x-content-type-options')).toBe('nosniff');
    expect(JSON.parse(body)).toMatchObject({ status, detail: expect.any(String) });
    expect(body).not.toContain('поиск');
  });
});
