/**
 * The contract every branch store passes. A backend's test file calls `branchStoreContract` with a
 * factory; the same behaviours are then checked for SQLite and PostgreSQL.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Branch } from '#core/branch';
import { makeBranch } from '#core/branch.fixture';
import type { BranchStore } from './branch-store';

export interface BranchStoreContractOptions {
  /** A fresh, empty database: a store over it, and a second store on it (another writer). */
  create(): Promise<{ store: BranchStore; other: () => Promise<BranchStore> }>;
}

const ids = (branches: readonly Branch[]) => branches.map((b) => b.id);

export function branchStoreContract(name: string, options: BranchStoreContractOptions): void {
  describe(`branch store contract: ${name}`, () => {
    it('reads back what a batch stored, by id, with schedules shared between branches', async () => {
      const { store } = await options.create();
      const batch = [makeBranch('410012'), makeBranch('101000'), makeBranch('620075')];
      expect(await store.apply(batch, { mode: 'merge' })).toEqual({
        added: 3,
        updated: 0,
        unchanged: 0,
        removed: 0,
      });
      const all = await store.all();
      expect(ids(all)).toEqual(['101000', '410012', '620075']);
      expect(all.find((b) => b.id === '410012')).toEqual(batch[0]);
      expect(all[0]!.hours).toBe(all[1]!.hours);
      expect(await store.count()).toBe(3);
    });

    it('tells added, updated and unchanged apart, and a second import of the same batch changes nothing', async () => {
      const { store } = await options.create();
      await store.apply([makeBranch('410001'), makeBranch('410002')], { mode: 'merge' });
      const before = await store.all();
      expect(
        await store.apply([makeBranch('410001'), makeBranch('410002')], { mode: 'merge' }),
      ).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0 });
      expect(await store.all()).toEqual(before);
      const renamed = makeBranch('410002', { name: 'Переименовано' });
      expect(
        await store.apply([makeBranch('410001'), renamed, makeBranch('410003')], { mode: 'merge' }),
      ).toEqual({ added: 1, updated: 1, unchanged: 1, removed: 0 });
      expect((await store.all()).find((b) => b.id === '410002')?.name).toBe('Переименовано');
    });

    it('replaces: the store then holds the batch, or the batch and the sources it does not replace', async () => {
      const { store } = await options.create();
      await store.apply([makeBranch('410001'), makeBranch('BX-9', { source: 'csv' })], {
        mode: 'merge',
      });
      const scoped = await store.apply([makeBranch('410002')], {
        mode: 'replace',
        replaceSources: ['demo'],
      });
      expect(scoped).toMatchObject({ added: 1, removed: 1 });
      expect(ids(await store.all())).toEqual(['410002', 'BX-9']);
      expect(await store.apply([makeBranch('410003')], { mode: 'replace' })).toMatchObject({
        added: 1,
        removed: 2,
      });
      expect(ids(await store.all())).toEqual(['410003']);
    });

    it('applies a batch that fails part-way not at all', async () => {
      const { store } = await options.create();
      await store.apply([makeBranch('410001')], { mode: 'merge' });
      const broken = { ...makeBranch('410003'), hours: undefined } as unknown as Branch;
      await expect(
        store.apply([makeBranch('410002'), broken], { mode: 'replace' }),
      ).rejects.toThrow();
      expect(ids(await store.all())).toEqual(['410001']);
    });

    it('applies an if-empty batch (a seed) only to a store with no branches', async () => {
      const { store } = await options.create();
      const seed = { mode: 'merge', ifEmpty: true } as const;
      expect(await store.apply([makeBranch('410001')], seed)).toMatchObject({ added: 1 });
      expect(await store.apply([makeBranch('410002')], seed)).toEqual({
        added: 0,
        updated: 0,
        unchanged: 0,
        removed: 0,
      });
      expect(ids(await store.all())).toEqual(['410001']);
    });

    it('keeps state as JSON round-trips it, and knows nothing of keys never set', async () => {
      const { store } = await options.create();
      expect(await store.getState('sync.pochta')).toBeUndefined();
      await store.setState('sync.pochta', { state: 'ok', at: '2026-01-01T00:00:00Z' });
      await store.setState('sync.pochta', { state: 'failed', n: 2 });
      expect(await store.getState('sync.pochta')).toEqual({ state: 'failed', n: 2 });
      await store.logImport({
        startedAt: Date.now(),
        origin: 'test',
        format: 'csv',
        mode: 'merge',
        read: 1,
        rejected: 0,
        result: { added: 1, updated: 0, unchanged: 0, removed: 0 },
      });
    });

    it('gives a lease to one holder at a time, renews it for that holder, and frees it when it runs out or is released', async () => {
      const { store, other } = await options.create();
      const second = await other();
      expect(await store.claimLease('lease.sync', 'a', 60_000)).toBe(true);
      expect(await second.claimLease('lease.sync', 'b', 60_000)).toBe(false);
      expect(await store.claimLease('lease.sync', 'a', 150)).toBe(true);
      await second.releaseLease('lease.sync', 'b'); // not its own: changes nothing
      expect(await second.claimLease('lease.sync', 'b', 60_000)).toBe(false);
      await vi.waitFor(async () =>
        expect(await second.claimLease('lease.sync', 'b', 60_000)).toBe(true),
      );
      expect(await store.claimLease('lease.sync', 'a', 60_000)).toBe(false);
      await second.releaseLease('lease.sync', 'b');
      expect(await store.claimLease('lease.sync', 'a', 60_000)).toBe(true);
      // Many at once: exactly one gets it.
      await store.releaseLease('lease.sync', 'a');
      const claims = await Promise.all(
        ['c', 'd', 'e', 'f'].map((holder, i) =>
          (i % 2 ? store : second).claimLease('lease.sync', holder, 60_000),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('changes its change token when another writer commits branches, and only then', async () => {
      const { store, other } = await options.create();
      const writer = await other();
      const before = await store.changeToken();
      expect(await store.changeToken()).toBe(before);
      await writer.apply([makeBranch('410001')], { mode: 'merge' });
      expect(await store.changeToken()).not.toBe(before);
      expect(ids(await store.all())).toEqual(['410001']);
    });
  });
}
