/**
 * What a shop's page downloads before the map library, gzipped: the loader (`/widget/branch-picker.js`,
 * budget 10 KB), the entry it imports (budget 36 KB), and the two together (budget 40 KB, DESIGN.md);
 * each within 5% of the size committed in widget/bundle-size.json, so that growth is noticed and
 * recorded on purpose. MapLibre and ky must stay out of the entry (both load lazily). The README's
 * `integrity` attribute must be the pinned loader's.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const RECORD = 'widget/bundle-size.json';
const TOLERANCE = 0.05;
const UPDATE = 'UPDATE_BUNDLE_SIZE=1 npx playwright test bundle-size';

interface Record {
  budgetGzipBytes: number;
  entryGzipBytes: number;
  loaderBudgetGzipBytes: number;
  loaderGzipBytes: number;
  totalBudgetGzipBytes: number;
}

const gzip = (data: Buffer) => gzipSync(data, { level: 9 }).byteLength;

async function built() {
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  const dir = `dist/widget/${version}`;
  const entryName = (await readdir(dir)).find((f) => /^picker-[\w-]+\.js$/.test(f));
  if (!entryName) throw new Error(`${dir} holds no picker-*.js: run npm run build`);
  return {
    version,
    loader: await readFile('dist/widget/branch-picker.js'),
    pinned: await readFile(`${dir}/branch-picker.js`),
    entry: await readFile(`${dir}/${entryName}`),
  };
}

test('the loader and the entry stay small and leave MapLibre and ky to lazy chunks', async () => {
  const { loader, pinned, entry } = await built();
  const sizes = { loader: gzip(loader), entry: gzip(entry) };
  const record = JSON.parse(await readFile(RECORD, 'utf8')) as Record;
  if (process.env.UPDATE_BUNDLE_SIZE) {
    await writeFile(
      RECORD,
      `${JSON.stringify({ ...record, entryGzipBytes: sizes.entry, loaderGzipBytes: sizes.loader }, null, 2)}\n`,
    );
    return;
  }
  const report = `loader ${sizes.loader} B, entry ${sizes.entry} B gzipped`;
  console.log(report);
  expect(pinned.equals(loader), 'the pinned loader is the same file').toBe(true);
  expect(sizes.loader, report).toBeLessThanOrEqual(record.loaderBudgetGzipBytes);
  expect(sizes.entry, report).toBeLessThanOrEqual(record.budgetGzipBytes);
  expect(sizes.loader + sizes.entry, report).toBeLessThanOrEqual(record.totalBudgetGzipBytes);
  for (const [name, now, then] of [
    ['entry', sizes.entry, record.entryGzipBytes],
    ['loader', sizes.loader, record.loaderGzipBytes],
  ] as const) {
    expect(
      Math.abs(now - then) / then,
      `${name} is ${now} B gzipped, ${RECORD} says ${then} B. If the change is intended, run: ${UPDATE}`,
    ).toBeLessThanOrEqual(TOLERANCE);
  }
  const code = entry.toString('utf8');
  expect(code).not.toContain('maplibre-gl-worker');
  // ky's retry machinery, by a name minifiers keep (an error class's name is its message's).
  expect(code).not.toContain('ForceRetryError');
  expect(code).not.toMatch(
    /class \w+ extends \w+\{constructor\(\w+\)\{super\(\),this\._trackResize/,
  );
  // A classic script: no module syntax a plain <script src> would choke on.
  expect(loader.toString('utf8')).not.toMatch(/import\.meta|^import |^export /m);
});

test('the README gives the pinned loader’s Subresource Integrity hash', async () => {
  const { version, pinned } = await built();
  const integrity = `sha384-${createHash('sha384').update(pinned).digest('base64')}`;
  const readme = await readFile('README.md', 'utf8');
  const block = /<!-- sri:start -->[\s\S]*?<!-- sri:end -->/.exec(readme)![0];
  if (process.env.UPDATE_BUNDLE_SIZE) {
    const updated = block
      .replace(/integrity="[^"]*"/, `integrity="${integrity}"`)
      .replace(/\/widget\/[^/]+\/branch-picker\.js/, `/widget/${version}/branch-picker.js`);
    await writeFile('README.md', readme.replace(block, updated));
    return;
  }
  expect(block, `README.md is out of date: run ${UPDATE}`).toContain(`integrity="${integrity}"`);
  expect(block).toContain(`/widget/${version}/branch-picker.js`);
});
