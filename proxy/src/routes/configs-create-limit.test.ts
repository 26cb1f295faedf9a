/**
 * Creating saved configurations under CONFIG_CREATE_PER_MINUTE: past the limit a 429 problem with
 * Retry-After, and nothing stored; reads are not limited.
 */
import { expect, it } from 'vitest';
import type { WidgetConfigInput } from '#core/widget-config';
import { createServer } from '../server';
import { sqlite, testConfig } from '../server.fixture';

const CONFIGS = '/api/v1/configs';
const SHOP: WidgetConfigInput = {
  name: 'Main shop',
  options: {},
  allowedOrigins: ['https://shop.example'],
};

it('refuses creations past the limit with 429 and Retry-After, storing nothing', async () => {
  const limited = await createServer(
    testConfig({ rateLimits: { ...testConfig().rateLimits, 'config-create': 2 } }),
  );
  try {
    const post = () => limited.inject({ method: 'POST', url: CONFIGS, payload: SHOP });
    const statuses = [(await post()).statusCode, (await post()).statusCode];
    const third = await post();
    expect([...statuses, third.statusCode]).toEqual([201, 201, 429]);
    expect(third.headers['retry-after']).toMatch(/^\d+$/);
    expect(third.headers['content-type']).toMatch(/problem\+json/);
    const rows = sqlite(limited).prepare('SELECT count(*) AS n FROM configs').get() as {
      n: number;
    };
    expect(rows.n).toBe(2);
    // Reads are not limited.
    expect((await limited.inject(`${CONFIGS}/zzzzzzzzzzzz`)).statusCode).toBe(404);
  } finally {
    await limited.close();
  }
});
