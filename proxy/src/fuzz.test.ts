/**
 * The proxy as an attacker and a careless client meet it: thousands of seeded junk requests over
 * HTTP (every route, junk paths, methods, query values such as `1e400` and markup, headers, bodies)
 * and raw sockets (pipelining, smuggling shapes, broken framing, oversized heads), against a real
 * server on loopback with the demo network. It fails on any 5xx other than a problem+json
 * 502/503/504, any error whose body is not a problem document, any response without `nosniff`, any
 * echo of the markup sent, any body over 2 MB, and any `/healthz` slower than 100 ms while it runs.
 * The seed is printed with a failure; FUZZ_SEED replays one, FUZZ_REQUESTS changes the count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Random } from './branches/demo/random';
import { MARK, judge, parseAnswers, raw, send, watchHealth } from './fuzz-client.fixture';

const SEED = process.env.FUZZ_SEED ?? 'branch-picker fuzz 1';
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const RAW_REQUESTS = 300;
const IN_FLIGHT = 4;
const HEALTH_BUDGET_MS = 100;

let server: ChildProcess;
let port: number;

beforeAll(async () => {
  server = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./fuzz-server.fixture.ts', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = /^\{.*\}$/m.exec(out);
      if (line) resolve((JSON.parse(line[0]) as { port: number }).port);
    });
    server.once('exit', (code) => reject(new Error(`the fuzz server exited with code ${code}`)));
  });
}, 120_000);
afterAll(async () => {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

const PATHS = [
  '/api/v1/branches',
  '/api/v1/branches/search',
  '/api/v1/branches/nearby',
  '/api/v1/branches/summaries',
  '/api/v1/branches/410012',
  '/api/v1/branches/{junk}',
  '/api/v1/tariff',
  '/api/v1/delivery',
  '/api/v1/quote',
  '/api/v1/configs',
  '/api/v1/configs/{junk}',
  '/api/v1/configs/{junk}/versions',
  '/api/v1/configs/{junk}/token',
  '/api/v1/configs/by-pochta-widget/{junk}',
  '/embed',
  '/embed/',
  '/widget/branch-picker.js',
  '/widget/0.1.0/chunk.js',
  '/widget/{junk}',
  '/basemap/style.json',
  '/basemap/tiles/{junk}/4/2.pbf',
  '/basemap/streets/style.json',
  '/basemap/streets/{junk}/20574/10892.mvt',
  '/basemap/streets/15/{junk}/10892.mvt',
  '/basemap/streets/15/20574/10892.mvt',
  '/basemap/streets/{junk}',
  '/configurator/',
  '/healthz',
  '/readyz',
  '/metrics',
  '/openapi.json',
  '/{junk}',
  '/widget/..%2f..%2fpackage.json',
  '/widget/%2e%2e/%2e%2e/package.json',
  '/widget/%ff',
  '/%00',
  '//evil.example/',
  '/api/v1/branches/%ZZ',
];
const PARAMS = [
  'bbox',
  'types',
  'q',
  'near',
  'limit',
  'lon',
  'lat',
  'radius',
  'ids',
  'from',
  'to',
  'weight',
  'value',
  'service',
  'config',
  'lang',
  'return',
  'origin',
  'redirect',
  '__proto__',
  'constructor',
];
const VALUES = [
  '1e400',
  '-1e400',
  'Infinity',
  '-Infinity',
  'NaN',
  '-0',
  '0x10',
  '1'.repeat(400),
  MARK,
  encodeURIComponent(MARK),
  '%ff',
  '%00',
  '..%2f..%2f',
  '"\'`',
  '',
  ' ',
  '410012',
  '101000',
  '46.03,51.53',
  '-180,-90,180,90',
  '45.9,51.4,46.2,51.7',
  '170,60,-170,70',
  '1,2,3,4',
  'post_office,parcel_locker',
  'post_office,kiosk',
  'Саратов',
  encodeURIComponent('Саратов ул'),
  '😀',
  'x'.repeat(5000),
  'https://evil.example/',
  '//evil.example',
  'javascript:alert(1)',
  '100',
  '0',
  '-5',
  '3.5',
];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
const BODIES = [
  '',
  '{}',
  '[]',
  'null',
  '{"__proto__":{"polluted":1}}',
  `{"name":"${MARK}"}`,
  '{"document":{"options":{"api":"javascript:alert(1)"}}}',
  'not json',
  '{'.repeat(5000),
  JSON.stringify({ big: 'x'.repeat(70_000) }),
];

function junk(random: Random): string {
  return random.pick([
    encodeURIComponent(MARK),
    '..',
    '%2e%2e',
    '%ff',
    String(random.int(0, 1e9)),
    'a'.repeat(random.int(1, 300)),
    'Саратов',
    random.pick(VALUES),
  ]);
}

it(`answers ${REQUESTS} seeded junk requests with problems, never a crash or an echo`, async () => {
  const random = new Random(SEED);
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  // Once through every route before the clock runs: the first call of each compiles code (and, from
  // source, bundles the subset worker), which is a start-up cost, not a request's.
  for (const warm of PATHS)
    await send(port, agent, 'GET', `${warm.replace('{junk}', 'x')}?bbox=46,51,46.1,51.1`, {}, '');
  const health = watchHealth(port);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const slow: [number, string][] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const n = next++;
      const method = random.pick(METHODS);
      let target = random.pick(PATHS).replace('{junk}', () => junk(random));
      const query = Array.from(
        { length: random.int(0, 4) },
        () => `${random.pick(PARAMS)}=${random.pick(VALUES)}`,
      );
      if (query.length) target += `?${query.join('&')}`;
      // What Node's client would refuse to send raw; raw bytes are the raw-socket test's part.
      target = target.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
      const headers: Record<string, string> = {};
      if (random.chance(0.3))
        headers.origin = random.pick(['https://evil.example', 'null', 'https://shop.example']);
      if (random.chance(0.2))
        headers['accept-encoding'] = random.pick(['br', 'gzip', 'x;q=2', '*']);
      if (random.chance(0.1)) headers['if-none-match'] = random.pick(['*', '"x"', MARK]);
      if (random.chance(0.1)) headers['access-control-request-method'] = random.pick(METHODS);
      if (random.chance(0.1)) headers.range = random.pick(['bytes=99999999-', 'bytes=0-0', MARK]);
      if (random.chance(0.1)) headers['if-match'] = random.pick(['*', '"1"', MARK]);
      if (random.chance(0.1)) headers.authorization = `Bearer ${encodeURIComponent(junk(random))}`;
      let body = '';
      if (['POST', 'PUT', 'PATCH'].includes(method)) {
        body = random.pick(BODIES);
        headers['content-type'] = random.pick([
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ]);
      }
      try {
        const started = performance.now();
        const answer = await send(port, agent, method, target, headers, body);
        slow.push([performance.now() - started, `${method} ${target.slice(0, 120)}`]);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const wrong = judge(answer, method);
        if (wrong) failures.push(`#${n} ${method} ${target.slice(0, 200)}: ${wrong}`);
      } catch (error) {
        failures.push(`#${n} ${method} ${target.slice(0, 200)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const slowest = await health.stop();
  agent.destroy();
  const summary = `seed "${SEED}": statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest /healthz ${slowest.toFixed(1)} ms`;
  slow.sort((a, b) => b[0] - a[0]);
  console.log(summary, JSON.stringify(slow.slice(0, 8)));
  expect(failures.slice(0, 20), summary).toEqual([]);
  expect(slowest, summary).toBeLessThan(HEALTH_BUDGET_MS);
}, 300_000);

it(`answers ${RAW_REQUESTS} raw-socket requests (pipelined, smuggled, broken) with problems`, async () => {
  const random = new Random(`${SEED} raw`);
  const good = () =>
    `GET ${random.pick(['/healthz', '/api/v1/branches/410012', '/api/v1/quote?from=101000&to=410012&weight=500'])} HTTP/1.1\r\nHost: x\r\n\r\n`;
  const shapes: (() => string)[] = [
    () => [good(), good(), good()].join(''),
    () => `${good()}GARBAGE ${MARK}\r\n\r\n`,
    () => `GET /healthz HTTP/1.1\r\n\r\n`,
    () => `GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-banana\r\n\r\n`,
    () =>
      `POST /api/v1/configs HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${good()}`,
    () => `POST /api/v1/configs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    () => `POST /api/v1/configs HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
    () => `POST /api/v1/configs HTTP/1.1\r\nHost: x\r\nContent-Length: 1e400\r\n\r\n`,
    () => `GET /api/v1/branches?bbox=${MARK} HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET /${encodeURIComponent(MARK)} HTTP/1.1\r\nHost: ${MARK}\r\n\r\n`,
    () => `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    () => `GET /healthz HTTP/1.0\r\n\r\n`,
    () => `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`,
    () => `GET /../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET /widget/../../package.json HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n${good()}`,
    () => `\r\n\r\n${good()}`,
    () => `GET /healthz HTTP/1.1\r\nHost: x\r\nbroken\r\n\r\n`,
    () => `GET /api/v1/quote?weight=1e400&from=101000&to=410012 HTTP/1.1\r\nHost: x\r\n\r\n`,
  ];
  const failures: string[] = [];
  const health = watchHealth(port);
  for (let i = 0; i < RAW_REQUESTS; i++) {
    const bytes = random.pick(shapes)();
    const what = JSON.stringify(bytes.slice(0, 90));
    try {
      const answers = parseAnswers(await raw(port, bytes));
      for (const answer of answers) {
        const wrong = judge(answer, 'GET');
        if (wrong) failures.push(`${what}: ${wrong}`);
      }
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
    }
  }
  const slowest = await health.stop();
  expect([...new Set(failures)].slice(0, 20)).toEqual([]);
  expect(slowest).toBeLessThan(HEALTH_BUDGET_MS);
}, 300_000);
