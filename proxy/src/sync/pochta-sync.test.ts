/**
 * The sync of one instance against a fake Otpravka server (fake-otpravka.fixture.ts); several
 * instances sharing one are in shared-sync.test.ts.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { createServer as createProxy } from '../server';
import { testConfig } from '../server.fixture';
import { FakeOtpravka } from './fake-otpravka.fixture';

/** A fake Otpravka and a proxy syncing from it, both of this test's own, closed when it ends. */
async function start(
  overrides: { token?: string; timeoutMs?: number } = {},
): Promise<{ app: FastifyInstance; fake: FakeOtpravka }> {
  const fake = new FakeOtpravka();
  await fake.start();
  onTestFinished(() => fake.stop());
  const app = await createProxy(
    testConfig({
      seed: () => [makeBranch('410001'), makeBranch('BX-1', { source: 'csv' })],
      sync: {
        url: fake.url,
        token: overrides.token ?? 'app-token',
        login: 'shop@example.com',
        password: 'secret',
        intervalMs: 24 * 3_600_000,
        timeoutMs: overrides.timeoutMs ?? 5_000,
        kind: 'ALL',
        // The fixture holds 2 broken elements of 6, on purpose.
        maxRejectedShare: 0.5,
      },
    }),
  );
  onTestFinished(() => app.close());
  return { app, fake };
}

const readyz = async (app: FastifyInstance) =>
  (await app.inject('/readyz')).json<{
    status: string;
    branches: number;
    sync: Record<string, unknown>;
  }>();

describe('sync from Russian Post', () => {
  it('downloads the passport with both auth headers, replaces the demo, keeps other carriers', async () => {
    const { app, fake } = await start();
    const status = await app.sync!.runOnce();
    expect(status).toMatchObject({
      state: 'ok',
      lastImport: { read: 6, added: 4, rejected: 2, removed: 1 },
    });
    const request = fake.requests.at(-1)!;
    expect(request.url).toBe('/1.0/unloading-passport/zip?type=ALL');
    expect(request.headers.accept).toBe('application/octet-stream');
    const ids = app.branches.current.branches.map((b) => b.id).sort();
    expect(ids).toEqual(['101000', '216236', '410012', '690091', 'BX-1']);
    const ready = await readyz(app);
    expect(ready).toMatchObject({ status: 'ready', branches: 5, sync: { state: 'ok' } });
    expect((await app.inject('/api/v1/branches/216236')).json()).toMatchObject({
      source: 'pochta-passport',
    });
  });

  it('keeps the current data when Russian Post fails, and says so in /readyz without echoing the body', async () => {
    const { app, fake } = await start();
    await app.sync!.runOnce();
    fake.mode = 'error';
    const status = await app.sync!.runOnce();
    expect(status).toMatchObject({
      state: 'failed',
      error: 'Russian Post answered HTTP 500 to the passport download',
    });
    expect(status.lastSuccessAt).toBeDefined();
    const ready = await readyz(app);
    expect(ready).toMatchObject({
      status: 'ready',
      branches: 5,
      sync: {
        state: 'failed',
        error: 'Russian Post answered HTTP 500 to the passport download',
        lastSuccessAt: expect.any(String),
      },
    });
    expect(JSON.stringify(ready)).not.toContain('stack');
  });

  it('names the credentials when they are refused, and never puts them in the status', async () => {
    const { app } = await start({ token: 'wrong' });
    const status = await app.sync!.runOnce();
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/refused the credentials \(HTTP 401\): check OTPRAVKA_TOKEN/);
    expect(JSON.stringify(await readyz(app))).not.toMatch(/secret|wrong|app-token/);
    expect(app.branches.current.size).toBe(2);
  });

  it('applies nothing from a dump with too many broken rows, and says how many', async () => {
    const { app } = await start();
    app.sync!['config'].maxRejectedShare = 0.05;
    const status = await app.sync!.runOnce();
    expect(status).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/^2 of 6 rows were rejected, more than 5%: nothing applied/),
    });
    expect(app.branches.current.size).toBe(2);
  });

  it('survives a broken archive and a download that never finishes', async () => {
    const { app, fake } = await start({ timeoutMs: 500 });
    fake.mode = 'garbage';
    expect(await app.sync!.runOnce()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/not a readable zip/),
    });
    fake.mode = 'slow';
    expect(await app.sync!.runOnce()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/in 0.5 s|broke off/),
    });
    expect(app.branches.current.size).toBe(2);
  });

  it('runs once for concurrent calls', async () => {
    const { app, fake } = await start();
    const before = fake.requests.length;
    await Promise.all([app.sync!.runOnce(), app.sync!.runOnce(), app.sync!.runOnce()]);
    expect(fake.requests.length - before).toBe(1);
  });
});
