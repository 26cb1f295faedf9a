/**
 * The import command as a person runs it: a real process, a real database file, real exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BranchRepository } from '../store/branch-repository';
import { openDatabase } from '../store/database';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(ROOT, 'proxy/src/importers/fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'bp-import-'));
const database = path.join(dir, 'test.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'proxy/src/cli/import.ts'),
      ...args,
    ],
    {
      env: { ...process.env, DATABASE_PATH: database },
      encoding: 'utf8',
    },
  );

describe('npm run import', () => {
  it('imports a file, prints the summary and every rejected row, and exits 0', () => {
    const result = run(path.join(FIXTURES, 'otpravka.json'), '--max-rejected', '50%');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'otpravka: read 3, added 2, updated 0, unchanged 0, removed 0, rejected 1',
    );
    expect(result.stdout).toContain(
      'rejected [2], working-hours[0].weekday-id: 9 is not a weekday 1 (Monday) to 7 (Sunday)',
    );
    const db = openDatabase(database);
    expect(new BranchRepository(db).count()).toBe(2);
    db.close();
  });

  it('changes nothing the second time', () => {
    const result = run(path.join(FIXTURES, 'otpravka.json'), '--max-rejected', '50%');
    expect(result.stdout).toContain('added 0, updated 0, unchanged 2');
  });

  it('applies nothing and exits 1 when too many rows are bad, listing them', () => {
    const result = run(path.join(FIXTURES, 'branches.csv'), '--replace');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'rejected line 4, location.lat: 95.5 is not a latitude from -90 to 90',
    );
    expect(result.stderr).toContain('3 of 6 rows were rejected, more than 5%: nothing applied');
    const db = openDatabase(database);
    expect(new BranchRepository(db).count()).toBe(2);
    db.close();
  });

  it('explains bad usage and exits 2', () => {
    const result = run(path.join(FIXTURES, 'otpravka.json'), '--format', 'xml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      '--format "xml" is not one of pochta-passport, otpravka, csv, geojson',
    );
  });

  it('checks a file without touching the database on --dry-run', () => {
    const result = run(path.join(FIXTURES, 'branches.geojson'), '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('geojson: read 4');
    expect(result.stdout).toContain('dry run: nothing changed');
  });
});
