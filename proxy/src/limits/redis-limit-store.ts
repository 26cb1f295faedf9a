/**
 * Rate-limit counters in Redis, so that every instance behind a load balancer counts one buyer
 * together: a buyer spread over two instances gets the same budget as on one. Fixed windows, one
 * key per client address and group (`bp:limit:<address><group>`), counted and given its expiry in
 * one Lua call. While Redis fails, each instance counts in its own memory (SharedLimitStore): limits
 * stay on, local, and no request fails for it; `state` says which.
 */
import { Redis } from 'ioredis';
import type { LimitGroup } from './groups';
import { SharedLimitStore, type LimitCallback, type LimitStore } from './limit-store';

/** INCR, with the window's expiry set by the first request of it; answers the count and the time left. */
const INCR_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { current, ttl }
`;

const PREFIX = 'bp:limit:';

interface LimitScripts {
  bpLimitIncr(key: string, windowMs: number): Promise<[number, number]>;
}

export class RedisLimitStore implements LimitStore {
  private readonly client: Redis;
  private readonly local = new SharedLimitStore();

  constructor(url: string) {
    this.client = new Redis(url, {
      connectionName: 'branch-picker-limits',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    });
    // The state says it; without a listener ioredis prints every failed reconnection.
    this.client.on('error', () => undefined);
    this.client.defineCommand('bpLimitIncr', { lua: INCR_SCRIPT, numberOfKeys: 1 });
  }

  /** `shared` while Redis counts, `local` while each instance counts alone. */
  get state(): 'shared' | 'local' {
    return this.client.status === 'ready' ? 'shared' : 'local';
  }

  incr(group: LimitGroup, client: string, callback: LimitCallback, windowMs: number): void {
    if (this.client.status !== 'ready') return this.local.incr(group, client, callback, windowMs);
    (this.client as unknown as LimitScripts).bpLimitIncr(PREFIX + client + group, windowMs).then(
      ([current, ttl]) => callback(null, current, ttl),
      () => this.local.incr(group, client, callback, windowMs),
    );
  }

  close(): void {
    this.client.disconnect();
  }
}
