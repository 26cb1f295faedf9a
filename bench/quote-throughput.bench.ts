/**
 * Cached quotes under load: the proxy's `/api/v1/quote` with the answer in its cache, against a bare
 * Fastify route returning the same body, each in its own process, loaded by autocannon from this
 * one, in the same run. The upstream is the test fake (a real HTTP server), asked once to fill the
 * cache. Budget: 10,000 requests/s and p99 20 ms on 2 cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../proxy/src/free-port.fixture';
import { FakePochta } from '../proxy/src/quotes/fake-pochta.fixture';
import { ROOT } from '../scripts/fingerprint';

export interface ThroughputRow {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Starts a server script and waits until `readyUrl` answers 200 (or the script dies). */
async function startProcess(
  script: string,
  env: Record<string, string>,
  readyUrl: string,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exit = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${script} exited with ${String(code)}`))),
  );
  for (;;) {
    const ok = await Promise.race([
      fetch(readyUrl).then(
        (r) => r.ok,
        () => false,
      ),
      exit,
    ]);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function load(name: string, url: string, seconds: number): Promise<ThroughputRow> {
  const result = await autocannon({ url, connections: 64, duration: seconds, pipelining: 1 });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export async function quoteThroughput(seconds: number): Promise<ThroughputRow[]> {
  const fake = await new FakePochta().start();
  const proxyPort = await freePort();
  let barePort = await freePort();
  while (barePort === proxyPort) barePort = await freePort();
  const proxy = await startProcess(
    'dist/proxy/main.mjs',
    {
      PORT: String(proxyPort),
      DATABASE_PATH: ':memory:',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      QUOTE_SOURCE: 'live',
      TARIFF_UPSTREAM_URL: fake.url,
      DELIVERY_UPSTREAM_URL: fake.url,
      // Production defaults: rate limits on (at a limit autocannon, one address, never meets),
      // metrics on, logs at info.
      RATE_LIMIT_PER_MINUTE: '1000000000',
    },
    `http://127.0.0.1:${proxyPort}/readyz`,
  );
  const bare = await startProcess(
    'bench/bare-fastify.ts',
    { PORT: String(barePort) },
    `http://127.0.0.1:${barePort}/api/v1/quote`,
  );
  try {
    const query = 'from=344038&to=115162&weight=100';
    const first = await fetch(`http://127.0.0.1:${proxyPort}/api/v1/quote?${query}`);
    if (!first.ok) throw new Error(`the proxy answered ${first.status} to the warm-up`);
    // Warm both JITs with a short run each, unmeasured.
    await load('warm', `http://127.0.0.1:${barePort}/api/v1/quote`, 2);
    await load('warm', `http://127.0.0.1:${proxyPort}/api/v1/quote?${query}`, 2);
    const rows = [
      await load(
        'bare Fastify route, same body',
        `http://127.0.0.1:${barePort}/api/v1/quote`,
        seconds,
      ),
      await load(
        '/api/v1/quote, cached (ours)',
        `http://127.0.0.1:${proxyPort}/api/v1/quote?${query}`,
        seconds,
      ),
    ];
    if (fake.callsTo('/tariff') !== 1)
      throw new Error(`expected one upstream tariff call, saw ${fake.callsTo('/tariff')}`);
    return rows;
  } finally {
    proxy.kill('SIGTERM');
    bare.kill('SIGTERM');
    await fake.stop();
  }
}
