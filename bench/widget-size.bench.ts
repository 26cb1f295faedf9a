/**
 * What a shop's page downloads before the map library, gzipped as the proxy serves it: the loader,
 * the entry it imports, and both together, against DESIGN.md's budgets (the same files and budgets
 * as e2e/bundle-size.spec.ts, which fails the build; this prints them beside the other figures).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../scripts/fingerprint';

export interface SizeRow {
  name: string;
  gzip: number;
  budget: number;
}

export async function widgetSizes(): Promise<SizeRow[]> {
  const record = JSON.parse(await readFile(path.join(ROOT, 'widget/bundle-size.json'), 'utf8')) as {
    budgetGzipBytes: number;
    loaderBudgetGzipBytes: number;
    totalBudgetGzipBytes: number;
  };
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = path.join(ROOT, 'dist/widget', version);
  const entry = (await readdir(dir)).find((f) => /^picker-[\w-]+\.js$/.test(f))!;
  const gzip = async (file: string) => gzipSync(await readFile(file), { level: 9 }).byteLength;
  const loader = await gzip(path.join(ROOT, 'dist/widget/branch-picker.js'));
  const main = await gzip(path.join(dir, entry));
  return [
    {
      name: 'loader (/widget/branch-picker.js)',
      gzip: loader,
      budget: record.loaderBudgetGzipBytes,
    },
    { name: `entry (${entry})`, gzip: main, budget: record.budgetGzipBytes },
    { name: 'loader + entry', gzip: loader + main, budget: record.totalBudgetGzipBytes },
  ];
}
