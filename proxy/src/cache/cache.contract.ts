/**
 * The contract every cache backend passes. A backend's test file calls `cacheContract` with a
 * factory; the same behaviours are then checked for memory, Redis, whatever comes.
 */
import { describe, expect, it } from 'vitest';
import type { CacheBackend } from './cache';

export interface ContractOptions {
  /** A fresh, empty backend, bounded to `maxEntries`, reading time from `now`. */
  create(options: { maxEntries: number; now: () => number }): CacheBackend | Promise<CacheBackend>;
}

export function cacheContract(name: string, options: ContractOptions): void {
  const create = (o: { maxEntries: number; now: () => number }) => options.create(o);
  describe(`cache contract: ${name}`, () => {
    const clock = () => {
      let t = 1_000_000;
      return { now: () => t, advance: (ms: number) => (t += ms) };
    };

    it('returns what was set, as JSON round-trips it', async () => {
      const c = clock();
      const cache = await create({ maxEntries: 10, now: c.now });
      const value = { cost: { amount: 50.4, currency: 'RUB' }, days: [1, 2], note: 'ёлка' };
      await cache.set('k', { value, expiresAt: c.now() + 1000 });
      expect((await cache.get('k'))?.value).toEqual(value);
      expect(await cache.get('other')).toBeUndefined();
    });

    it('forgets an entry at its expiry', async () => {
      const c = clock();
      const cache = await create({ maxEntries: 10, now: c.now });
      await cache.set('k', { value: 1, expiresAt: c.now() + 1000 });
      c.advance(999);
      expect((await cache.get('k'))?.value).toBe(1);
      c.advance(1);
      expect(await cache.get('k')).toBeUndefined();
    });

    it('replaces an entry set twice', async () => {
      const c = clock();
      const cache = await create({ maxEntries: 10, now: c.now });
      await cache.set('k', { value: 1, expiresAt: c.now() + 1000 });
      await cache.set('k', { value: 2, expiresAt: c.now() + 1000 });
      expect((await cache.get('k'))?.value).toBe(2);
      expect(await cache.size()).toBe(1);
    });

    it('drops the least recently used entry when full', async () => {
      const c = clock();
      const cache = await create({ maxEntries: 3, now: c.now });
      for (const k of ['a', 'b', 'c']) await cache.set(k, { value: k, expiresAt: c.now() + 1000 });
      await cache.get('a'); // a is now the most recent
      await cache.set('d', { value: 'd', expiresAt: c.now() + 1000 });
      expect(await cache.get('b')).toBeUndefined();
      expect((await cache.get('a'))?.value).toBe('a');
      expect(await cache.size()).toBe(3);
    });

    it('deletes and clears', async () => {
      const c = clock();
      const cache = await create({ maxEntries: 10, now: c.now });
      await cache.set('a', { value: 1, expiresAt: c.now() + 1000 });
      await cache.set('b', { value: 2, expiresAt: c.now() + 1000 });
      await cache.delete('a');
      expect(await cache.get('a')).toBeUndefined();
      await cache.clear();
      expect(await cache.size()).toBe(0);
    });
  });
}
