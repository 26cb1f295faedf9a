/**
 * Data sets shipped in npm packages (GeoNames towns, Natural Earth land, lakes and rivers), read
 * for one job and then let go. `require` would keep each in Node's module cache for the life of the
 * process: about 30 MB of files, parsed into a few hundred MB of heap that every major collection
 * then walks, where the server needs only what was made from them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A JSON file inside a package (`world-atlas/land-10m.json`), parsed, not cached. */
export function readPackageJson<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(file), 'utf8')) as T;
}

/** A package's exports, dropped from the module cache once read. */
export function requireOnce<T>(specifier: string): T {
  const resolved = require.resolve(specifier);
  try {
    return require(resolved) as T;
  } finally {
    delete require.cache[resolved];
  }
}
