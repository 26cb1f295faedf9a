/**
 * A proxy that syncs, in a process of its own, so that shared-sync.test.ts can kill it mid-sync
 * (SIGKILL: no close hook runs, the lease is left to run out, as when a machine dies). Reads
 * `{ databaseUrl, otpravkaUrl, leaseMs }` as JSON from BP_SYNC_INSTANCE; prints `{"port": n}` once
 * listening, which is when its first sync starts.
 */
import { makeBranch } from '#core/branch.fixture';
import { createServer } from '../server';
import { testConfig } from '../server.fixture';

const { databaseUrl, otpravkaUrl, leaseMs } = JSON.parse(process.env.BP_SYNC_INSTANCE ?? '{}') as {
  databaseUrl: string;
  otpravkaUrl: string;
  leaseMs: number;
};
const app = await createServer(
  testConfig({
    databaseUrl,
    seed: () => [makeBranch('410001')],
    sync: {
      url: otpravkaUrl,
      token: 'app-token',
      login: 'shop@example.com',
      password: 'secret',
      intervalMs: 24 * 3_600_000,
      timeoutMs: 600_000,
      kind: 'ALL',
      maxRejectedShare: 0.5,
      leaseMs,
    },
  }),
);
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(
  `${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`,
);
