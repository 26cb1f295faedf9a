/**
 * A stop, as SIGTERM brings it (`app.close()`): what is in flight is answered, a request that
 * arrives after (on a connection already open: new ones are no longer accepted) is a problem that
 * says to retry elsewhere, and the server then closes.
 */
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { defaultQuoteConfig } from './config';
import { startFakePochta } from './quotes/fake-pochta.fixture';
import { createServer } from './server';
import { testConfig } from './server.fixture';

it('answers the requests in flight, refuses new ones with a 503 problem, then closes', async () => {
  const fake = await startFakePochta({ delayMs: 400 });
  const app = await createServer(
    testConfig({
      seed: () => [makeBranch('344038'), makeBranch('115162')],
      quotes: { ...defaultQuoteConfig(), mode: 'live', tariffUrl: fake.url, deliveryUrl: fake.url },
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  try {
    const socket = connect(port, '127.0.0.1');
    let answers = '';
    socket.on('data', (chunk) => (answers += chunk.toString('utf8')));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /api/v1/quote?from=344038&to=115162&weight=100 HTTP/1.1\r\nHost: x\r\n\r\n');
    // The quote has reached Russian Post's fake: it is in flight.
    await expect.poll(() => fake.calls.length).toBeGreaterThan(0);
    const closed = app.close();
    socket.write('GET /api/v1/branches/search?q=344038 HTTP/1.1\r\nHost: x\r\n\r\n');
    await closed;
    await ended;
    const [first, second] = answers.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200 /);
    expect(first).toContain('"cost"');
    expect(second).toMatch(/^HTTP\/1\.1 503 /);
    expect(second).toMatch(/content-type: application\/problem\+json/i);
    expect(second).toMatch(/retry-after: 1/i);
    expect(second).toContain('shutting down');
  } finally {
    await app.close();
    await fake.stop();
  }
});
