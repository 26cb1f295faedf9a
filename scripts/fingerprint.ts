/**
 * Fingerprints of the build's inputs: paths, sizes and modification times of the sources, and the
 * lock file. Cheap to compute (no file is read), so `npm start` can tell in milliseconds whether
 * dist/ is current.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');

async function fingerprint(entries: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of entries) {
    const full = path.join(ROOT, entry);
    const info = await stat(full).catch(() => null);
    if (!info) {
      hash.update(`${entry}:missing\n`);
      continue;
    }
    const files = info.isDirectory()
      ? (await readdir(full, { withFileTypes: true, recursive: true }))
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      : [full];
    for (const file of files) {
      const s = await stat(file);
      hash.update(`${path.relative(ROOT, file)}:${s.size}:${s.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

/** Everything the widget build and the configurator copy read. */
export const sourceFingerprint = (): Promise<string> =>
  fingerprint(['widget', 'core', 'configurator', 'proxy', 'package-lock.json']);

/** What the basemap tiles depend on: their builder, the town names, and the data packages. */
export const basemapFingerprint = (): Promise<string> =>
  fingerprint([
    'proxy/basemap',
    'core/basemap.ts',
    'proxy/src/branches/demo/cyrillic.ts',
    'package-lock.json',
  ]);
