/**
 * The cache policy on its own, against the memory backend with a hand-moved clock: no sleeps, no
 * upstream. Each test builds its own call, cache and clock.
 */
import { describe, expect, it } from 'vitest';
import { CachedCall, type CacheResult, type CachedCallOptions } from './cached-call';
import { MemoryCache } from './memory-cache';

class Refused extends Error {}
class Broken extends Error {}

const POLICY = { freshMs: 1000, keepMs: 10_000, negativeMs: 100 };

/** A call whose load answers `answer` (a value, or an error to throw), counting loads and results. */
function setup(options: Partial<CachedCallOptions<string, string, string>> = {}) {
  let now = 1_000_000;
  const state = {
    answer: 'v1' as string | Error,
    loads: 0,
    results: [] as CacheResult[],
    refreshErrors: [] as unknown[],
  };
  const cache = new MemoryCache({}, () => now);
  const call = new CachedCall<string, string, string>(cache, {
    ...POLICY,
    load: (arg) => {
      state.loads++;
      const answer = state.answer;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(`${answer}:${arg}`);
    },
    refusal: (error) => (error instanceof Refused ? error.message : undefined),
    now: () => now,
    onResult: (result) => state.results.push(result),
    onRefreshError: (error) => state.refreshErrors.push(error),
    ...options,
  });
  return { call, cache, state, advance: (ms: number) => (now += ms) };
}

describe('a cached call', () => {
  it('loads on a miss and serves the value fresh without loading again', async () => {
    const { call, state } = setup();
    expect((await call.get('k', 'a')).value).toBe('v1:a');
    expect((await call.get('k', 'a')).value).toBe('v1:a');
    expect(state.loads).toBe(1);
    expect(state.results).toEqual(['miss', 'hit']);
  });

  it('hands back the stored entry itself on a hit, allocating nothing', async () => {
    const { call } = setup();
    const first = await call.get('k', 'a');
    expect(await call.get('k', 'a')).toBe(first);
  });

  it('records when the value was loaded, as a number and as ISO 8601', async () => {
    const { call } = setup();
    expect(await call.get('k', 'a')).toMatchObject({
      loadedAt: 1_000_000,
      loadedAtIso: new Date(1_000_000).toISOString(),
    });
  });

  it('makes one load for many identical concurrent calls', async () => {
    const { call, state } = setup();
    const values = await Promise.all(Array.from({ length: 100 }, () => call.get('k', 'a')));
    expect(state.loads).toBe(1);
    expect(new Set(values.map((v) => v.value))).toEqual(new Set(['v1:a']));
  });

  it('serves a value past fresh at once and refreshes it once behind', async () => {
    const { call, state, advance } = setup();
    await call.get('k', 'a');
    advance(POLICY.freshMs);
    state.answer = 'v2';
    const served = await Promise.all([call.get('k', 'a'), call.get('k', 'a')]);
    expect(served.map((s) => s.value)).toEqual(['v1:a', 'v1:a']);
    await call.whenIdle();
    expect(state.loads).toBe(2);
    expect((await call.get('k', 'a')).value).toBe('v2:a');
    expect(state.results).toEqual(['miss', 'revalidate', 'revalidate', 'hit']);
  });

  it('never serves an entry of another version fresh', async () => {
    const { call, state } = setup();
    await call.get('k', 'a', 'monday');
    state.answer = 'v2';
    expect((await call.get('k', 'a', 'tuesday')).value).toBe('v2:a');
    expect(state.loads).toBe(2);
  });

  it('serves the last good value, marked stale, when the load fails, even of another version', async () => {
    const { call, state, advance } = setup();
    await call.get('k', 'a', 'monday');
    advance(POLICY.freshMs * 5);
    state.answer = new Broken('down');
    const served = await call.get('k', 'a', 'tuesday');
    expect(served).toMatchObject({ value: 'v1:a', version: 'monday', stale: true });
    expect(state.results.at(-1)).toBe('stale');
  });

  it('leaves the stored entry unmarked when it serves a stale copy', async () => {
    const { call, cache, state } = setup();
    await call.get('k', 'a', 'monday');
    state.answer = new Broken('down');
    await call.get('k', 'a', 'tuesday');
    expect((await cache.get<{ stale?: true }>('k'))?.value.stale).toBeUndefined();
  });

  it('throws the load’s error when there is nothing to serve', async () => {
    const { call, state } = setup();
    state.answer = new Broken('down');
    await expect(call.get('k', 'a')).rejects.toBeInstanceOf(Broken);
    expect(state.results).toEqual(['miss']);
  });

  it('throws an error that staleOn excludes even when a value is there', async () => {
    const { call, state } = setup({ staleOn: (error) => !(error instanceof TypeError) });
    await call.get('k', 'a', 'monday');
    state.answer = new TypeError('a bug');
    await expect(call.get('k', 'a', 'tuesday')).rejects.toBeInstanceOf(TypeError);
  });

  it('forgets a value after keepMs, so that it no longer serves stale', async () => {
    const { call, state, advance } = setup();
    await call.get('k', 'a', 'monday');
    advance(POLICY.keepMs);
    state.answer = new Broken('down');
    await expect(call.get('k', 'a', 'tuesday')).rejects.toBeInstanceOf(Broken);
  });

  it('stores a refusal and replays it without loading for negativeMs', async () => {
    const { call, state } = setup();
    state.answer = new Refused('no such code');
    expect((await call.get('k', 'a')).refusal).toBe('no such code');
    expect((await call.get('k', 'a')).refusal).toBe('no such code');
    expect(state.loads).toBe(1);
    expect(state.results).toEqual(['miss', 'negative']);
  });

  it('asks again once a refusal is older than negativeMs', async () => {
    const { call, state, advance } = setup();
    state.answer = new Refused('no such code');
    await call.get('k', 'a');
    advance(POLICY.negativeMs);
    state.answer = 'v2';
    expect((await call.get('k', 'a')).value).toBe('v2:a');
    expect(state.loads).toBe(2);
  });

  it('keeps a good value when a later load is refused, for outages', async () => {
    const { call, state } = setup();
    await call.get('k', 'a', 'monday');
    state.answer = new Refused('no such code');
    expect((await call.get('k', 'a', 'tuesday')).refusal).toBe('no such code');
    state.answer = new Broken('down');
    expect(await call.get('k', 'a', 'tuesday')).toMatchObject({ value: 'v1:a', stale: true });
  });

  it('reports a failed background refresh and keeps serving the old value', async () => {
    const { call, state, advance } = setup();
    await call.get('k', 'a');
    advance(POLICY.freshMs);
    state.answer = new Broken('down');
    expect((await call.get('k', 'a')).value).toBe('v1:a');
    await call.whenIdle();
    expect(state.refreshErrors).toEqual([state.answer]);
    expect((await call.get('k', 'a')).value).toBe('v1:a');
  });

  it('caches each key apart', async () => {
    const { call, state } = setup();
    await call.get('k1', 'a');
    expect((await call.get('k2', 'b')).value).toBe('v1:b');
    expect(state.loads).toBe(2);
  });
});
