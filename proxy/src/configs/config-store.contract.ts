/**
 * The contract every configuration store passes. A backend's test file calls `configStoreContract`
 * with a factory; the same behaviours are then checked for SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ConfigStore } from './config-store';
import { hashToken } from './owner-token';
import { validateConfig, type ConfigDocument } from './validate';

export interface ConfigStoreContractOptions {
  /**
   * A fresh, empty database: a store over it reading time from `now`, and a second store on it
   * (another writer).
   */
  create(now: () => number): Promise<{ store: ConfigStore; other: () => Promise<ConfigStore> }>;
}

const doc = (name: string, pochtaWidgetId?: number): ConfigDocument =>
  validateConfig({
    name,
    allowedOrigins: ['https://shop.example'],
    ...(pochtaWidgetId === undefined ? {} : { pochtaWidgetId }),
  });

const TOKEN = hashToken('owner-token-for-tests');

export function configStoreContract(name: string, options: ConfigStoreContractOptions): void {
  describe(`config store contract: ${name}`, () => {
    const clock = () => {
      let t = 1_750_000_000_000;
      return { now: () => t, advance: (ms: number) => (t += ms) };
    };

    it('stores version 1 under a new id and reads it back, token hash and times included', async () => {
      const c = clock();
      const { store } = await options.create(c.now);
      const created = await store.create('aaaaaaaaaaaa', doc('Main'), TOKEN);
      expect(created).toMatchObject({ id: 'aaaaaaaaaaaa', version: 1, createdAt: c.now() });
      const read = await store.get('aaaaaaaaaaaa');
      expect(read).toEqual({
        id: 'aaaaaaaaaaaa',
        version: 1,
        document: doc('Main'),
        tokenHash: TOKEN,
        createdAt: c.now(),
        updatedAt: c.now(),
      });
      expect(await store.get('bbbbbbbbbbbb')).toBeUndefined();
    });

    it('refuses an id already taken (false: draw another) and a widget.pochta.ru id already used', async () => {
      const { store } = await options.create(clock().now);
      await store.create('aaaaaaaaaaaa', doc('Main', 77), TOKEN);
      expect(await store.create('aaaaaaaaaaaa', doc('Again'), TOKEN)).toBe(false);
      expect(await store.create('bbbbbbbbbbbb', doc('Twin', 77), TOKEN)).toBe(
        'pochta-widget-taken',
      );
      expect((await store.byPochtaWidget(77))?.id).toBe('aaaaaaaaaaaa');
      expect(await store.byPochtaWidget(78)).toBeUndefined();
      await store.create('bbbbbbbbbbbb', doc('Other'), TOKEN);
      expect(await store.save('bbbbbbbbbbbb', 1, doc('Other', 77))).toBe('pochta-widget-taken');
    });

    it('saves over the expected version only, keeping every version in the history', async () => {
      const c = clock();
      const { store } = await options.create(c.now);
      await store.create('aaaaaaaaaaaa', doc('One'), TOKEN);
      c.advance(1000);
      expect(await store.save('aaaaaaaaaaaa', 1, doc('Two'))).toMatchObject({
        version: 2,
        updatedAt: c.now(),
      });
      expect(await store.save('aaaaaaaaaaaa', 1, doc('Stale'))).toBe('stale');
      expect(await store.save('aaaaaaaaaaaa', null, doc('Three'))).toMatchObject({ version: 3 });
      expect(await store.save('zzzzzzzzzzzz', null, doc('None'))).toBe('not-found');
      expect((await store.get('aaaaaaaaaaaa'))?.document.name).toBe('Three');
      expect((await store.versions('aaaaaaaaaaaa')).map((v) => v.version)).toEqual([3, 2, 1]);
      expect(await store.version('aaaaaaaaaaaa', 1)).toEqual(doc('One'));
      expect(await store.version('aaaaaaaaaaaa', 9)).toBeUndefined();
    });

    it('replaces the token hash, keeping the version', async () => {
      const { store } = await options.create(clock().now);
      await store.create('aaaaaaaaaaaa', doc('Main'), TOKEN);
      const next = hashToken('another-token');
      expect(await store.setTokenHash('aaaaaaaaaaaa', next)).toBe(true);
      expect(await store.get('aaaaaaaaaaaa')).toMatchObject({ tokenHash: next, version: 1 });
      expect(await store.setTokenHash('zzzzzzzzzzzz', next)).toBe(false);
    });

    it('deletes at the expected version only, with its history', async () => {
      const { store } = await options.create(clock().now);
      await store.create('aaaaaaaaaaaa', doc('Main'), TOKEN);
      await store.save('aaaaaaaaaaaa', 1, doc('Two'));
      expect(await store.delete('aaaaaaaaaaaa', 1)).toBe('stale');
      expect(await store.delete('aaaaaaaaaaaa', 2)).toBe(true);
      expect(await store.delete('aaaaaaaaaaaa', null)).toBe('not-found');
      expect(await store.get('aaaaaaaaaaaa')).toBeUndefined();
      expect(await store.versions('aaaaaaaaaaaa')).toEqual([]);
    });

    it('changes its change token when another writer commits, and only then', async () => {
      const { store, other } = await options.create(clock().now);
      const writer = await other();
      const before = await store.changeToken();
      expect(await store.changeToken()).toBe(before);
      await writer.create('aaaaaaaaaaaa', doc('Main'), TOKEN);
      expect(await store.changeToken()).not.toBe(before);
      expect((await store.get('aaaaaaaaaaaa'))?.version).toBe(1);
    });
  });
}
