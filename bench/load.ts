/**
 * `npm run bench:load` (after `npm run build`): the proxy under a fixed, realistic load, as a shop's
 * buyers would make it: 2,000 requests/s for LOAD_SECONDS (300 by default) of the network (mostly
 * revalidated with its ETag), search, nearby, branch details and quotes (95 % of them parcels asked
 * before, so cached), each request from one of 5,000 buyers (`X-Forwarded-For`, with TRUST_PROXY=1,
 * so that the production rate limits count buyers as they would behind a balancer). Twice: against
 * one instance (embedded defaults: SQLite, memory cache), and against two instances sharing a
 * throwaway Redis and PostgreSQL, 1,000 requests/s each. Russian Post is the test fake.
 *
 * The requests arrive at random moments (bench/paced-load.ts: Poisson arrivals, each latency
 * counted from when its request fell due). Each setup first takes the same load for WARM_UP_S
 * seconds from its start, reported apart (a new instance's first second runs on code not yet
 * compiled); then the measured run: answers, errors (any answer of 400 or more, or none),
 * p50/p99/p99.9 latency, how long each event loop was held, the generator's CPU time per request,
 * and each instance's resident memory after the warm-up and at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { RedisServer } from '../proxy/src/cache/redis-server.fixture';
import { PostgresServer } from '../proxy/src/store/postgres-server.fixture';
import { generateDemoNetwork } from '../proxy/src/branches/demo/generate';
import { Random } from '../proxy/src/branches/demo/random';
import { FakePochta } from '../proxy/src/quotes/fake-pochta.fixture';
import { freePort } from '../proxy/src/free-port.fixture';
import { ROOT } from '../scripts/fingerprint';
import { percentile } from './median';
import { merged, pacedLoad } from './paced-load';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const RATE = 2000;
const BUYERS = 5000;
/** Keep-alive connections in all, shared out between the instances, as a balancer's pool. */
const CONNECTIONS = 64;
const WARM_UP_S = Math.min(10, Math.max(1, Math.floor(SECONDS / 5)));

async function startProxy(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/proxy/main.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: ':memory:',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '1',
      QUOTE_SOURCE: 'live',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exit = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the proxy exited with ${String(code)}`))),
  );
  for (;;) {
    const ok = await Promise.race([
      fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      ),
      exit,
    ]);
    if (ok) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The mix, drawn from a seeded generator: paths and the buyer each request comes from. */
function mix(seed: string) {
  const network = generateDemoNetwork();
  const random = new Random(seed);
  const ids = Array.from({ length: 300 }, () => random.pick(network).id);
  const codes = Array.from({ length: 50 }, () => random.pick(network).postalCode);
  const places = Array.from({ length: 30 }, () => random.pick(network).location);
  const queries = [
    ...codes.slice(0, 20),
    ...codes.slice(0, 10).map((c) => c.slice(0, 3)),
    'Саратов',
    'москва тверская',
    'Казань',
    'saratov',
    'Новосибирск',
    'Екатеринбург ленина',
    'Самара',
    'Пермь',
    // Misspelt, on the wrong layout, by an everyday name
    'Сартов',
    'cfhfnjd',
    'Питер',
  ];
  const parcels = Array.from(
    { length: 50 },
    (_, i) => `from=101000&to=${codes[i]!}&weight=${random.int(100, 5000)}`,
  );
  let etag = '';
  const next = (): { path: string; headers: Record<string, string> } => {
    const buyer = random.int(0, BUYERS - 1);
    const roll = random.int(0, 99);
    const headers: Record<string, string> = {
      'x-forwarded-for': `10.0.${Math.floor(buyer / 250)}.${(buyer % 250) + 1}`,
      'accept-encoding': 'br, gzip',
    };
    if (roll < 10) {
      if (roll < 8 && etag) headers['if-none-match'] = etag;
      return { path: '/api/v1/branches', headers };
    }
    if (roll < 35)
      return {
        path: `/api/v1/branches/search?q=${encodeURIComponent(random.pick(queries))}`,
        headers,
      };
    if (roll < 50) {
      const p = random.pick(places);
      return { path: `/api/v1/branches/nearby?lon=${p.lon}&lat=${p.lat}&limit=10`, headers };
    }
    if (roll < 65) return { path: `/api/v1/branches/${random.pick(ids)}`, headers };
    // Quotes: 95 % a parcel asked before, 5 % a new one (a new weight), which Russian Post answers.
    const parcel = random.chance(0.95)
      ? random.pick(parcels)
      : `from=101000&to=${random.pick(codes)}&weight=${random.int(5001, 20000)}`;
    return { path: `/api/v1/quote?${parcel}`, headers };
  };
  return {
    next,
    learnEtag: (value: string) => (etag ||= value),
    arrivals: new Random(`arrivals ${seed}`),
  };
}

type Mix = ReturnType<typeof mix>;

/** Loads one instance with its mix for `seconds`, at `rate`, over `connections`. */
const drive = (url: string, load: Mix, rate: number, connections: number, seconds: number) =>
  pacedLoad({ url, rate, seconds, connections, random: load.arrivals, next: load.next });

/** The instance's resident memory, in MB, from its metrics. */
async function residentMb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = /^bp_process_resident_memory_bytes (\d+)/m.exec(text);
  return line ? Math.round(Number(line[1]) / 1024 / 1024) : NaN;
}

/**
 * How long the instance's event loop was held up since the last scrape (p99 and max, ms): what
 * of the latency is the server's own stalls, and not the queue in the load generator sharing the
 * machine.
 */
async function loopDelay(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) =>
    Math.round(
      Number(new RegExp(`^bp_nodejs_eventloop_lag_${name}_seconds (\\S+)`, 'm').exec(text)?.[1]) *
        1000,
    );
  return `${read('p99')}/${read('max')} ms`;
}

async function run(name: string, urls: string[]): Promise<string> {
  const rate = RATE / urls.length;
  const connections = CONNECTIONS / urls.length;
  const loads = urls.map((_, i) => mix(`load ${name} ${i}`));
  await Promise.all(
    urls.map(async (url, i) => {
      const network = await fetch(`${url}/api/v1/branches`);
      loads[i]!.learnEtag(network.headers.get('etag') ?? '');
    }),
  );
  const warm = await Promise.all(
    urls.map((url, i) => drive(url, loads[i]!, rate, connections, WARM_UP_S)),
  );
  const ms = (sorted: Float64Array, q: number) => `${percentile(sorted, q).toFixed(1)} ms`;
  const warmP99 = ms(merged(warm.map((r) => r.latencies)), 0.99);
  // After the warm-up: memory, and the loops' stalls counted from here (a scrape starts them over).
  const memoryAt = await Promise.all(urls.map(residentMb));
  // The generator's own loop and CPU too: a stall there is latency no server caused.
  const own: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  own.enable();
  const cpu = process.cpuUsage();
  const results = await Promise.all(
    urls.map((url, i) => drive(url, loads[i]!, rate, connections, SECONDS)),
  );
  const { user, system } = process.cpuUsage(cpu);
  own.disable();
  const generator = `${Math.round(own.percentile(99) / 1e6)}/${Math.round(own.max / 1e6)} ms`;
  const delays = await Promise.all(urls.map(loopDelay));
  const end = await Promise.all(urls.map(residentMb));
  const all = merged(results.map((r) => r.latencies));
  const total = results.reduce((n, r) => n + r.answered, 0);
  const errors = [...warm, ...results].reduce((n, r) => n + r.errors, 0);
  const memory = urls.map((_, i) => `${memoryAt[i]} → ${end[i]} MB`).join(', ');
  const generatorCpu = Math.round((user + system) / total);
  return `| ${name} | ${warmP99} | ${total.toLocaleString('en')} | ${Math.round(total / SECONDS)} | ${errors} | ${ms(all, 0.5)} | ${ms(all, 0.99)} | ${ms(all, 0.999)} | ${delays.join(', ')} | ${generator}, ${generatorCpu} µs | ${memory} |`;
}

const fake = await new FakePochta().start();
const upstream = { TARIFF_UPSTREAM_URL: fake.url, DELIVERY_UPSTREAM_URL: fake.url };
const rows: string[] = [];
try {
  const one = await startProxy(upstream);
  try {
    rows.push(await run('one instance (SQLite, memory cache)', [one.url]));
  } finally {
    one.child.kill('SIGTERM');
  }
  const redis = await RedisServer.start();
  const postgres = await PostgresServer.start();
  try {
    const env = {
      ...upstream,
      REDIS_URL: redis.url,
      DATABASE_URL: await postgres.createDatabase(),
    };
    const a = await startProxy(env);
    const b = await startProxy(env);
    try {
      rows.push(await run('two instances on one Redis and one PostgreSQL', [a.url, b.url]));
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
    }
  } finally {
    await Promise.all([redis.dispose(), postgres.dispose()]);
  }
} finally {
  await fake.stop();
}
console.log(
  `${RATE} requests/s (Poisson arrivals) for ${WARM_UP_S} s of warm-up, then ${SECONDS} s measured; ${BUYERS} buyers, ${CONNECTIONS} connections; latency from when each request fell due; memory resident, after the warm-up → at the end\n`,
);
console.log(
  '| setup | warm-up p99 | answers | per second | errors (all) | p50 | p99 | p99.9 | server loop held p99/max | generator loop held p99/max, CPU per request | memory |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|');
for (const row of rows) console.log(row);
