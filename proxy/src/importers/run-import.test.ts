/**
 * One import from bytes to the store (run-import.ts): what is applied, what is reported, and the
 * share of bad rows past which nothing is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { openDatabase } from '../store/database';
import { SqliteBranchStore } from '../store/sqlite-store';
import { detectFormat, ImportRejected, readImport, runImport } from './run-import';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));
const passportZip = (): Buffer =>
  Buffer.from(zipSync({ 'ALL28_Ноябрь_2026.txt': new Uint8Array(fixture('passport.json')) }));
const repository = () => new SqliteBranchStore(openDatabase(':memory:'));
const ALL = { maxRejectedShare: 1 } as const;

describe('an import', () => {
  it('applies the good rows and reports read, added, updated, unchanged, rejected', async () => {
    const repo = repository();
    const report = await runImport(repo, passportZip(), {
      fileName: 'p.zip',
      mode: 'merge',
      origin: 'test',
      ...ALL,
    });
    expect(report).toMatchObject({
      format: 'pochta-passport',
      read: 6,
      added: 4,
      updated: 0,
      unchanged: 0,
      removed: 0,
      rejected: 2,
    });
    expect(repo.repository.count()).toBe(4);
  });

  it('changes nothing when the same file comes twice', async () => {
    const repo = repository();
    await runImport(repo, fixture('otpravka.json'), {
      fileName: 'o.json',
      mode: 'merge',
      origin: 'test',
      ...ALL,
    });
    const before = repo.repository.all();
    const again = await runImport(repo, fixture('otpravka.json'), {
      fileName: 'o.json',
      mode: 'merge',
      origin: 'test',
      ...ALL,
    });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(repo.repository.all()).toEqual(before);
  });

  it('applies nothing when more rows are rejected than allowed, and says why', async () => {
    const repo = repository();
    repo.repository.apply([makeBranch('410001')], { mode: 'merge' });
    const before = repo.repository.all();
    let error: unknown;
    try {
      await runImport(repo, fixture('branches.csv'), {
        fileName: 'branches.csv',
        mode: 'replace',
        origin: 'test',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).message).toMatch(
      /^3 of 6 rows were rejected, more than 5%: nothing applied/,
    );
    expect((error as ImportRejected).report.problems).toHaveLength(3);
    expect(repo.repository.all()).toEqual(before);
  });

  it('replaces: afterwards the store holds the file’s branches and the others are gone', async () => {
    const repo = repository();
    repo.repository.apply([makeBranch('410001'), makeBranch('410002')], { mode: 'merge' });
    const report = await runImport(repo, fixture('otpravka.json'), {
      fileName: 'o.json',
      mode: 'replace',
      origin: 'test',
      ...ALL,
    });
    expect(report).toMatchObject({ added: 2, removed: 2 });
    expect(repo.repository.all().map((b) => b.id)).toEqual(['115551', '620075']);
  });

  it('replaces only the named sources, keeping other carriers’ branches', async () => {
    const repo = repository();
    repo.repository.apply([makeBranch('410001'), makeBranch('BX-9', { source: 'csv' })], {
      mode: 'merge',
    });
    await runImport(repo, fixture('otpravka.json'), {
      fileName: 'o.json',
      mode: 'replace',
      replaceSources: ['demo', 'otpravka'],
      origin: 'test',
      ...ALL,
    });
    expect(
      repo.repository
        .all()
        .map((b) => b.id)
        .sort(),
    ).toEqual(['115551', '620075', 'BX-9']);
  });

  it('updates a branch whose data changed, and only that one', async () => {
    const repo = repository();
    repo.repository.apply([makeBranch('410001'), makeBranch('410002')], { mode: 'merge' });
    const result = repo.repository.apply(
      [makeBranch('410001'), makeBranch('410002', { name: 'Переименовано' })],
      { mode: 'merge' },
    );
    expect(result).toEqual({ added: 0, updated: 1, unchanged: 1, removed: 0 });
    expect(repo.repository.all().find((b) => b.id === '410002')?.name).toBe('Переименовано');
  });

  it('refuses an empty file rather than replacing everything with nothing', async () => {
    const repo = repository();
    repo.repository.apply([makeBranch('410001')], { mode: 'merge' });
    const empty = Buffer.from('{"type":"FeatureCollection","features":[]}');
    await expect(
      runImport(repo, empty, { fileName: 'empty.geojson', mode: 'replace', origin: 'test' }),
    ).rejects.toThrow(/holds no rows: nothing applied/);
    expect(repo.repository.count()).toBe(1);
  });

  it('detects formats, and names the choices when it cannot', () => {
    expect(detectFormat(passportZip(), 'x.zip').name).toBe('pochta-passport');
    expect(detectFormat(fixture('otpravka.json'), 'x.json').name).toBe('otpravka');
    expect(detectFormat(fixture('branches.geojson'), 'x.json').name).toBe('geojson');
    expect(detectFormat(fixture('branches.csv'), 'x.csv').name).toBe('csv');
    expect(() => detectFormat(Buffer.from('hello'), 'notes.md')).toThrow(
      /pass --format with one of pochta-passport, otpravka, csv, geojson/,
    );
  });

  it('reports malformed JSON with where the parser stopped', () => {
    expect(() =>
      readImport(Buffer.from('{"postal-code": "1'), { fileName: 'cut.json', format: 'otpravka' }),
    ).toThrow(/cut.json is not valid JSON/);
  });
});
