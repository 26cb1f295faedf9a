/**
 * The npm package as a shop's front end uses it: `npm pack`, the tarball installed into a fresh
 * project beside Vite, a page that does `import 'branch-picker'` built by Vite and served by a
 * plain Node server on an origin of its own. In Chromium the picker draws the proxy's clusters and
 * a choice fires `branch-select`; the workers come from the shop's build, not from the proxy. And
 * plain Node imports the installed package, as a server rendering the page does.
 *
 * The install takes a few seconds: `--prefer-offline` finds every package in npm's cache, which
 * `npm ci` filled (Vite and the package's dependencies are the repository's own).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { PROXY_ORIGIN } from '../playwright.config';
import { announcedCount, liveRegion, nthSelection, recordEvents } from './support';

const ROOT = path.resolve(import.meta.dirname, '..');
const VITE = 'vite@8.3.8';
const CLUSTER = /^Группа: /;
const BRANCH = /^(Почтовое отделение|Почтомат|Пункт выдачи) (\d{6})$/;
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const run = promisify(execFile);

/**
 * The environment without what `npm test` adds for its scripts: an inherited `npm_config_prefix`
 * would install into the repository rather than into the shop's project.
 */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|INIT_CWD$)/i.test(k)));

const inDir = (cwd: string) => ({ cwd, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 });

/** The shop's page: the picker over the proxy, from the shop's own bundle. */
const shopPage = (api: string): string => `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>Shop (npm)</title><link rel="icon" href="data:,"></head>
<body>
<main id="checkout">
  <h1>Оформление заказа</h1>
  <branch-picker api="${api}" no-remember style="display: block; height: 600px"></branch-picker>
</main>
<script type="module" src="./main.js"></script>
</body>
</html>
`;

let project = '';
let server: Server | undefined;
let origin = '';
/** Paths the shop's server has served. */
const served: string[] = [];

/** A plain static server for the shop's built page, on a free port. */
async function serve(dir: string): Promise<string> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop');
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : url.pathname);
    served.push(url.pathname);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test.beforeAll(async () => {
  // Packing, installing and building: about 8 s here (the install 2–10 s), more on a cold cache.
  test.setTimeout(240_000);
  project = await mkdtemp(path.join(tmpdir(), 'branch-picker-shop-'));
  await run(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/pack.ts'],
    inDir(ROOT),
  );
  const { stdout } = await run(
    'npm',
    ['pack', './dist/npm', '--pack-destination', project, '--json'],
    inDir(ROOT),
  );
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error(`npm pack printed no tarball: ${stdout}`);

  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'shop', private: true, type: 'module' }),
  );
  await writeFile(path.join(project, 'index.html'), shopPage(`${PROXY_ORIGIN}/`));
  await writeFile(path.join(project, 'main.js'), "import 'branch-picker';\n");
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${packed.filename}`, VITE],
    inDir(project),
  );
  await run(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    inDir(project),
  );
  origin = await serve(path.join(project, 'dist'));
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (project) await rm(project, { recursive: true, force: true });
});

test('a page Vite built from the installed package shows clusters and delivers branch-select', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  const fromProxyWidget: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (r) => {
    if (r.url().startsWith(`${PROXY_ORIGIN}/widget/`)) fromProxyWidget.push(r.url());
  });
  await recordEvents(page);
  await page.goto(`${origin}/`);

  await expect(liveRegion(page)).toHaveText(/^На карте [\d\s ]+ пункт/);
  const clusters = page.getByRole('button', { name: CLUSTER });
  await expect(clusters.first()).toBeVisible();

  const marker = await zoomToBranch(page);
  const [, , code] = BRANCH.exec((await marker.getAttribute('aria-label')) ?? '') ?? [];
  await marker.click();
  const card = page.getByRole('region', { name: new RegExp(code!) });
  await card.getByRole('button', { name: 'Выбрать этот пункт' }).click();

  const selection = await nthSelection(page, 1);
  expect(selection.branch.postalCode).toBe(code);
  // Both workers are the files Vite copied into the shop's build; nothing came from /widget/.
  expect(served.some((p) => /^\/assets\/network\.worker-[\w-]+\.js$/.test(p))).toBe(true);
  expect(served.some((p) => /^\/assets\/maplibre-gl-worker-[\w-]+\.js$/.test(p))).toBe(true);
  expect(fromProxyWidget).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('plain Node imports the installed package, with no DOM and no error', async () => {
  const script = `const m = await import('branch-picker');
console.log(JSON.stringify({ tag: m.TAG_NAME, element: typeof m.BranchPicker, dom: typeof document }));`;
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script],
    inDir(project),
  );
  expect(JSON.parse(stdout)).toEqual({
    tag: 'branch-picker',
    element: 'function',
    dom: 'undefined',
  });
});

/** Clicks the largest cluster until single branches show; returns the first branch's marker. */
async function zoomToBranch(page: Page) {
  const clusters = page.getByRole('button', { name: CLUSTER });
  const branches = page.getByRole('button', { name: BRANCH });
  for (let step = 0; step < 20 && (await branches.count()) === 0; step++) {
    const labels = await clusters.allTextContents();
    const counts = labels.map((s) => Number(s.replace(/\D/g, '')) * (s.includes('тыс') ? 1000 : 1));
    const before = await announcedCount(page);
    await clusters.nth(counts.indexOf(Math.max(...counts))).click();
    await expect.poll(() => announcedCount(page)).toBeLessThan(before);
  }
  await expect(branches.first()).toBeVisible();
  return branches.first();
}
