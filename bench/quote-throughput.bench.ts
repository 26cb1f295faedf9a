/**
 * Cached quotes under load: the proxy's `/api/v1/quote` with the answer in its cache, against a bare
 * Fastify route returning the same body to the same URL, each in its own process, loaded by
 * autocannon from this one, in the same run. The upstream is the test fake (a real HTTP server),
 * asked once to fill the cache. Budget: 10,000 requests/s and p99 20 ms on 2 cores.
 *
 * The two are loaded in turns, a short round each, and the ratio is the median of the rounds'
 * ratios: on these machines the time a neighbour steals drifts over tens of seconds, and one long
 * run of each put the two in different weather (the same build measured 0.49 to 0.78 that way). The
 * CPU time each server spent per request, read from /proc, is shown beside: it does not depend on
 * how much of the machine the load generator had.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { freePort } from '../proxy/src/free-port.fixture';
import { FakePochta } from '../proxy/src/quotes/fake-pochta.fixture';
import { ROOT } from '../scripts/fingerprint';
import { median } from './median';

export interface ThroughputRow {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time the server spent per request (all its threads), in microseconds; null off Linux. */
  cpuMicros: number | null;
}

/** Both servers' rows (medians over the rounds) and ours / bare by round. */
export interface Throughput {
  rows: [ThroughputRow, ThroughputRow];
  /** The median of the rounds' ratios of requests per second, ours / bare. */
  ratio: number;
  /** Each round's ours / bare, in the order run. */
  rounds: number[];
}

/** CPU time (ms) a process has used so far, or null where /proc is not. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Starts a server script and waits until `readyUrl` answers 200 (or the script dies). */
async function startProcess(
  script: string,
  env: Record<string, string>,
  readyUrl: string,
): Promise<ChildProcess> {
  // A TypeScript script with tsx as a loader in the server's own process (its CLI would run a second
  // one), so that the pid's CPU time is the server's.
  const child = spawn(
    process.execPath,
    script.endsWith('.ts') ? ['--import', 'tsx', script] : [script],
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

async function load(
  name: string,
  server: ChildProcess,
  url: string,
  seconds: number,
): Promise<ThroughputRow> {
  const before = cpuMs(server.pid!);
  const result = await autocannon({ url, connections: 64, duration: seconds, pipelining: 1 });
  const after = cpuMs(server.pid!);
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuMicros:
      before === null || after === null
        ? null
        : Math.round(((after - before) * 1000 * 10) / result.requests.total) / 10,
  };
}

/** One row from the rounds of one server: medians, errors summed. */
function merged(name: string, rounds: ThroughputRow[]): ThroughputRow {
  const cpu = rounds.map((r) => r.cpuMicros).filter((c): c is number => c !== null);
  return {
    name,
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    cpuMicros: cpu.length ? median(cpu) : null,
  };
}

/** `seconds` of load for each server, in `rounds` turns. */
export async function quoteThroughput(seconds: number, rounds = 5): Promise<Throughput> {
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
    // The same request to both: Fastify parses the query string of every URL, so a bare route asked
    // without one would be spared work that is part of any quote.
    const path = '/api/v1/quote?from=344038&to=115162&weight=100';
    const bareUrl = `http://127.0.0.1:${barePort}${path}`;
    const oursUrl = `http://127.0.0.1:${proxyPort}${path}`;
    const first = await fetch(oursUrl);
    if (!first.ok) throw new Error(`the proxy answered ${first.status} to the warm-up`);
    // Warm both JITs with a short run each, unmeasured.
    await load('warm', bare, bareUrl, 2);
    await load('warm', proxy, oursUrl, 2);
    const each = Math.max(1, Math.round(seconds / rounds));
    const bares: ThroughputRow[] = [];
    const ours: ThroughputRow[] = [];
    for (let i = 0; i < rounds; i++) {
      bares.push(await load('bare', bare, bareUrl, each));
      ours.push(await load('ours', proxy, oursUrl, each));
    }
    const ratios = ours.map((r, i) => r.requestsPerSecond / bares[i]!.requestsPerSecond);
    if (fake.callsTo('/tariff') !== 1)
      throw new Error(`expected one upstream tariff call, saw ${fake.callsTo('/tariff')}`);
    return {
      rows: [
        merged('bare Fastify route, same body', bares),
        merged('/api/v1/quote, cached (ours)', ours),
      ],
      ratio: median(ratios),
      rounds: ratios,
    };
  } finally {
    proxy.kill('SIGTERM');
    bare.kill('SIGTERM');
    await fake.stop();
  }
}
