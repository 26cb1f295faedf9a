/**
 * `npm run bench:load` (after `npm run build`): the proxy under a fixed, realistic load, as a shop's
 * buyers would make it: 2,000 requests/s for LOAD_SECONDS (300 by default) of the network (mostly
 * revalidated with its ETag), search, nearby, branch details and quotes (95 % of them parcels asked
 * before, so cached), each request from one of 5,000 buyers (`X-Forwarded-For`, with TRUST_PROXY=1,
 * so that the production rate limits count buyers as they would behind a balancer). Twice: against
 * one instance (embedded defaults: SQLite, memory cache), and against two instances sharing a
 * throwaway Redis, 1,000 requests/s each. Russian Post is the test fake. Reports requests, errors
 * (any answer of 400 or more, or none), p50/p99 latency, and the resident memory of each instance
 * after the first minute and at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { RedisServer } from '../proxy/src/cache/redis-server.fixture';
import { generateDemoNetwork } from '../proxy/src/branches/demo/generate';
import { Random } from '../proxy/src/branches/demo/random';
import { FakePochta } from '../proxy/src/quotes/fake-pochta.fixture';
import { freePort } from '../proxy/src/free-port.fixture';
import { ROOT } from '../scripts/fingerprint';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const RATE = 2000;
const BUYERS = 5000;
const WARM_UP_S = Math.min(60, Math.floor(SECONDS / 5));

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
  return { next, learnEtag: (value: string) => (etag ||= value) };
}

interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  rate: number;
}

async function drive(url: string, rate: number, seed: string): Promise<LoadResult> {
  const { next, learnEtag } = mix(seed);
  const network = await fetch(`${url}/api/v1/branches`);
  learnEtag(network.headers.get('etag') ?? '');
  let errors = 0;
  let answered = 0;
  const result = await autocannon({
    url,
    connections: 50,
    overallRate: rate,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request) => {
          const { path: p, headers } = next();
          return { ...request, path: p, headers: { ...request.headers, ...headers } };
        },
        onResponse: (status) => {
          answered++;
          if (status >= 400) errors++;
        },
      },
    ],
  });
  return {
    requests: answered,
    errors: errors + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rate: Math.round(answered / SECONDS),
  };
}

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
  const memoryAt: number[][] = [];
  const warm = setTimeout(
    () => void Promise.all(urls.map(residentMb)).then((m) => memoryAt.push(m)),
    WARM_UP_S * 1000,
  );
  // The generator's own loop too: a stall there is latency no server caused.
  const own: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  own.enable();
  const results = await Promise.all(
    urls.map((url, i) => drive(url, RATE / urls.length, `load ${name} ${i}`)),
  );
  own.disable();
  const generator = `${Math.round(own.percentile(99) / 1e6)}/${Math.round(own.max / 1e6)} ms`;
  clearTimeout(warm);
  const delays = await Promise.all(urls.map(loopDelay));
  const end = await Promise.all(urls.map(residentMb));
  const total = results.reduce((n, r) => n + r.requests, 0);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const p50 = Math.max(...results.map((r) => r.p50));
  const p99 = Math.max(...results.map((r) => r.p99));
  const memory = urls.map((_, i) => `${memoryAt[0]?.[i] ?? '?'} → ${end[i]} MB`).join(', ');
  return `| ${name} | ${total.toLocaleString('en')} | ${Math.round(total / SECONDS)} | ${errors} | ${p50} ms | ${p99} ms | ${delays.join(', ')} | ${generator} | ${memory} |`;
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
  try {
    const env = { ...upstream, REDIS_URL: redis.url };
    const a = await startProxy(env);
    const b = await startProxy(env);
    try {
      rows.push(await run('two instances on one Redis', [a.url, b.url]));
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
    }
  } finally {
    await redis.dispose();
  }
} finally {
  await fake.stop();
}
console.log(
  `${RATE} requests/s for ${SECONDS} s, ${BUYERS} buyers; memory is resident, after ${WARM_UP_S} s → at the end\n`,
);
console.log(
  '| setup | requests | per second | errors | p50 | p99 | server loop held p99/max | generator loop held p99/max | memory |',
);
console.log('|---|---:|---:|---:|---:|---:|---|---|---|');
for (const row of rows) console.log(row);
