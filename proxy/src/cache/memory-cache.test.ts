import { expect, it } from 'vitest';
import { cacheContract } from './cache.contract';
import { MemoryCache } from './memory-cache';

cacheContract('memory', { create: ({ maxEntries, now }) => new MemoryCache({ maxEntries }, now) });

it('drops the least recent entries when values pass the byte bound', async () => {
  const cache = new MemoryCache({ maxBytes: 100 });
  const big = 'x'.repeat(40);
  for (const k of ['a', 'b', 'c'])
    await cache.set(k, { value: big, expiresAt: Date.now() + 60_000 });
  expect(await cache.get('a')).toBeUndefined();
  expect((await cache.get('c'))?.value).toBe(big);
});
