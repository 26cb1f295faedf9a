import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeBranch } from '#core/branch.fixture';
import { openDatabase } from '../store/database';
import { SqliteBranchStore } from '../store/sqlite-store';
import { BranchService } from './branch-service';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('keeps serving the last good snapshot when the database breaks while running, and says so once', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bp-branches-'));
  dirs.push(dir);
  const file = path.join(dir, 'branches.db');
  const service = await BranchService.open(new SqliteBranchStore(openDatabase(file)), {
    seed: () => [makeBranch('410012'), makeBranch('101000')],
  });
  const errors: unknown[] = [];
  let recovered = 0;
  service.watch(10, { onError: (e) => errors.push(e), onRecovered: () => recovered++ });
  try {
    // Another process breaks the data (an import gone wrong): the next reload cannot read it.
    const other = openDatabase(file);
    other.exec('ALTER TABLE branches RENAME TO branches_broken');
    await expect.poll(() => errors.length).toBe(1);
    expect(String(errors[0])).toMatch(/no such table/);
    expect(service.current.size).toBe(2);
    // Still failing on later ticks: said once.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(errors).toHaveLength(1);
    // Mended: it reads again, and says so.
    other.exec('ALTER TABLE branches_broken RENAME TO branches');
    await expect.poll(() => recovered).toBe(1);
    expect(service.current.size).toBe(2);
    other.close();
  } finally {
    service.stop();
  }
});
