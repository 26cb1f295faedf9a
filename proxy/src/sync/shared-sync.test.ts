/**
 * The sync of several instances on one PostgreSQL (a real one, store/postgres-server.fixture.ts):
 * one download between them, the outcome adopted by all, and a takeover when the instance that
 * holds the sync is killed mid-download (a process of its own, sync-instance.fixture.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import type { PochtaSyncConfig } from './pochta-sync';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';
import { startPostgresServer } from '../store/postgres-server.fixture';
import { FakeOtpravka } from './fake-otpravka.fixture';

const server = await startPostgresServer();

async function fakeOtpravka(): Promise<FakeOtpravka> {
  const fake = new FakeOtpravka();
  await fake.start();
  onTestFinished(() => fake.stop());
  return fake;
}

/** An instance on `databaseUrl` syncing from `fake`, listening (which starts its schedule). */
async function instance(
  databaseUrl: string,
  fake: FakeOtpravka,
  sync: Partial<PochtaSyncConfig> = {},
): Promise<FastifyInstance> {
  const app = await createServer(
    testConfig({
      databaseUrl,
      reloadIntervalMs: 200,
      seed: () => [makeBranch('410001')],
      sync: {
        url: fake.url,
        token: 'app-token',
        login: 'shop@example.com',
        password: 'secret',
        intervalMs: 24 * 3_600_000,
        timeoutMs: 5_000,
        kind: 'ALL',
        maxRejectedShare: 0.5,
        checkEveryMs: 200,
        ...sync,
      },
    }),
  );
  onTestFinished(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

const syncState = async (app: FastifyInstance) =>
  (await app.inject('/readyz')).json<{ sync: { state: string } }>().sync.state;

const downloads = (fake: FakeOtpravka) =>
  fake.requests.filter((r) => r.url.startsWith('/1.0/unloading-passport/zip')).length;

describe('the sync of several instances on one PostgreSQL', () => {
  it('downloads once between two instances started together, and both serve and report it', async () => {
    const url = await server.createDatabase();
    const fake = await fakeOtpravka();
    const [a, b] = await Promise.all([instance(url, fake), instance(url, fake)]);
    await vi.waitFor(
      async () => {
        expect(await syncState(a)).toBe('ok');
        expect(await syncState(b)).toBe('ok');
        for (const app of [a, b])
          expect((await app.inject('/api/v1/branches/216236')).statusCode).toBe(200);
      },
      { timeout: 10_000, interval: 100 },
    );
    // Several more looks each: none finds a sync due.
    for (let i = 0; i < 3; i++) await Promise.all([a.sync!.check(), b.sync!.check()]);
    expect(downloads(fake)).toBe(1);
  });

  it('takes over from an instance killed mid-download once its lease runs out', async () => {
    const url = await server.createDatabase();
    const fake = await fakeOtpravka();
    fake.mode = 'slow'; // the first download never finishes
    const leaseMs = 1500;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./sync-instance.fixture.ts', import.meta.url))],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          BP_SYNC_INSTANCE: JSON.stringify({ databaseUrl: url, otpravkaUrl: fake.url, leaseMs }),
        },
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    onTestFinished(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    });
    await vi.waitFor(() => expect(downloads(fake)).toBe(1), { timeout: 60_000, interval: 100 });

    const b = await instance(url, fake, { leaseMs });
    // While the first instance is alive and renewing, the second only adopts its status.
    expect((await b.sync!.check()).state).toBe('running');
    expect((await b.sync!.runOnce()).state).toBe('running');
    expect(downloads(fake)).toBe(1);

    child.kill('SIGKILL');
    await exited;
    const killedAt = performance.now();
    fake.mode = 'ok';
    await vi.waitFor(async () => expect(await syncState(b)).toBe('ok'), {
      timeout: 10_000,
      interval: 100,
    });
    const tookOver = performance.now() - killedAt;
    expect(downloads(fake)).toBe(2);
    expect((await b.inject('/api/v1/branches/216236')).statusCode).toBe(200);
    // Within a lease and a look of the kill (and not before the lease could have run out).
    expect(tookOver).toBeLessThan(leaseMs + 1500);
  });
});
