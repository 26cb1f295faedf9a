/**
 * The server the fuzz test (fuzz.test.ts) attacks, in a process of its own, so that its `/healthz`
 * times are the server's alone and not the attacker's work sharing one event loop. The demo network,
 * a dist folder with one file of each kind the static routes serve, no rate limits (they would
 * answer most of the junk with 429 before it reached anything). Prints `{"port": n}` once listening;
 * a SIGTERM closes it and removes the folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoNetwork } from './branches/demo/generate';
import { createServer } from './server';
import { testConfig } from './server.fixture';
import { writeTestArchive } from './streets/test-archive.fixture';

const dist = mkdtempSync(path.join(tmpdir(), 'bp-fuzz-'));
for (const [file, body] of [
  ['widget/branch-picker.js', 'console.log(1)'],
  ['widget/0.1.0/chunk.js', 'export {}'],
  ['basemap/style.json', '{"version":8}'],
  ['basemap/tiles/3/4/2.pbf', 'x'],
  ['configurator/index.html', '<!doctype html><title>c</title>'],
] as const) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), body);
}
const network = generateDemoNetwork();
// The street basemap on too: its tile and style routes take the junk as well.
const streets = await writeTestArchive(path.join(dist, 'streets.pmtiles'));
const app = await createServer(
  testConfig({
    seed: () => network,
    distDir: dist,
    publicDir: dist,
    basemapPmtiles: streets,
    embed: { allowedOrigins: ['https://shop.example'], returnUrls: [], defaultSender: null },
  }),
);
// The start-up work done (the whole network's best brotli, a second of a core): what is timed is
// the answers to the junk.
await app.branches.current.compressed;
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(
  `${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`,
);
process.once('SIGTERM', () => {
  void app.close().finally(() => {
    rmSync(dist, { recursive: true, force: true });
    process.exit(0);
  });
});
