import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from './server';
import { testConfig } from './server.fixture';

/** A server logging at `level` into an array of parsed lines, with one route that breaks. */
async function logged(
  level: string,
): Promise<{ app: FastifyInstance; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await createServer(testConfig({ logger: { level, stream } }));
  app.get('/broken', () => {
    throw new Error('the disk is on fire');
  });
  await app.ready();
  return { app, lines };
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("each request's logger", () => {
  it('logs an unexpected error with the id of the request it broke', async () => {
    const server = await logged('info');
    app = server.app;
    const response = await app.inject({ url: '/broken' });
    expect(response.statusCode).toBe(500);
    const errors = server.lines.filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reqId: expect.stringMatching(/^req-/) });
    expect((errors[0]!.err as { message: string }).message).toBe('the disk is on fire');
  });

  it('writes no line for a request that goes well at info level', async () => {
    const server = await logged('info');
    app = server.app;
    const before = server.lines.length;
    for (let i = 0; i < 5; i++)
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect(server.lines.slice(before)).toEqual([]);
  });

  it('logs every request once at debug level, each with its own id', async () => {
    const server = await logged('debug');
    app = server.app;
    await app.inject({ url: '/healthz' });
    await app.inject({ url: '/nowhere' });
    const requests = server.lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => [line.url, line.status])).toEqual([
      ['/healthz', 200],
      ['/nowhere', 404],
    ]);
    expect(new Set(requests.map((line) => line.reqId)).size).toBe(2);
  });
});
