/**
 * Quotes from a fake Russian Post (its real answers, over real HTTP): pricing, the estimator, the
 * HTTP status of what goes wrong, and the cache policy as the service uses it. Each test starts its
 * own fake and service.
 */
import { describe, expect, it, vi } from 'vitest';
import { MemoryCache } from '../cache/memory-cache';
import type { HttpProblem } from '../errors';
import { DEFAULT_RATES } from './estimator';
import { startFakePochta, type FakePochtaOptions } from './fake-pochta.fixture';
import { DEFAULT_PRICING, type PricingRules } from './pricing';
import { sampleRequest } from './quote-request.fixture';
import { QuoteService, type QuoteMode } from './quote-service';
import { CircuitBreaker } from './upstreams/circuit-breaker';
import { pochtaDelivery } from './upstreams/pochta-delivery';
import { pochtaTariff } from './upstreams/pochta-tariff';

const request = sampleRequest;

const START = Date.parse('2027-03-10T09:00:00+03:00');

/** A fake Russian Post of the test's own, and a service asking it on a clock the test moves. */
async function setup(
  options: {
    mode?: QuoteMode;
    pricing?: Partial<PricingRules>;
    timeoutMs?: number;
    fake?: FakePochtaOptions;
  } = {},
) {
  const fake = await startFakePochta(options.fake);
  let now = START;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const breakers = {
    tariff: new CircuitBreaker({}, clock.now),
    delivery: new CircuitBreaker({}, clock.now),
  };
  const upstream = { url: fake.url, timeoutMs: options.timeoutMs ?? 2000 };
  const quotes = new QuoteService({
    tariff: pochtaTariff({ ...upstream, breaker: breakers.tariff }),
    delivery: pochtaDelivery({ ...upstream, breaker: breakers.delivery }),
    cache: new MemoryCache({}, clock.now),
    mode: options.mode ?? 'live',
    pricing: { ...DEFAULT_PRICING, ...options.pricing },
    rates: DEFAULT_RATES,
    locate: () => (code) =>
      ({ '344038': { lon: 39.7, lat: 47.23 }, '115162': { lon: 37.62, lat: 55.75 } })[code],
    now: clock.now,
  });
  return { quotes, clock, breakers, fake };
}

describe('quotes from Russian Post', () => {
  it('reads the exact figures of the real answer: kopecks to rubles, VAT split out', async () => {
    const { quotes } = await setup();
    expect(await quotes.quote(request())).toEqual({
      cost: { amount: 50.4, currency: 'RUB', vat: 8.4 },
      carrierCost: { amount: 50.4, currency: 'RUB', vat: 8.4 },
      delivery: { minDays: 4, maxDays: 4, deadline: '2022-10-10T23:59:00' },
      source: 'pochta',
      stale: false,
      answeredAt: new Date(START).toISOString(),
    });
  });

  it('asks for the object of the service, value and COD, with money in kopecks', async () => {
    const { quotes, fake } = await setup();
    await quotes.tariff(request({ value: 1500.5, cod: 1200, weight: 2500 }));
    const call = fake.calls.find((c) => c.path === '/v2/calculate/tariff')!;
    expect(Object.fromEntries(call.query)).toMatchObject({
      object: '23040',
      weight: '2500',
      sumoc: '150050',
      sumnp: '120000',
      date: '20270310',
    });
  });

  it('estimates ECOM delivery times, which Russian Post’s delivery API does not give', async () => {
    const { quotes, fake } = await setup();
    const d = await quotes.delivery(request({ service: 'ecom' }));
    expect(d.source).toBe('estimate');
    expect(fake.callsTo('/delivery')).toBe(0);
  });
});

describe('the shop’s pricing rules', () => {
  it('adds the markup, then rounds up to the step', async () => {
    const { quotes } = await setup({
      pricing: { markupPercent: 10, markupFixed: 20, roundTo: 10, freeAbove: 3000 },
    });
    const q = await quotes.tariff(request({ order: 1000 }));
    // 50.40 + 10% + 20 = 75.44 → 80.00 rounded up to 10 ₽
    expect(q.cost).toEqual({ amount: 80, currency: 'RUB', vat: 13.33 });
    expect(q.carrierCost.amount).toBe(50.4);
  });

  it('ships free above the order value', async () => {
    const { quotes } = await setup({ pricing: { markupPercent: 10, freeAbove: 3000 } });
    expect((await quotes.tariff(request({ order: 3000 }))).cost.amount).toBe(0);
  });

  it('adds the handling days, and drops the deadline they would make wrong', async () => {
    const { quotes } = await setup({ pricing: { extraDays: 2 } });
    expect((await quotes.delivery(request())).delivery).toEqual({ minDays: 6, maxDays: 6 });
  });
});

describe('the cache in front of Russian Post', () => {
  it('makes one upstream call for 1,000 identical concurrent requests', async () => {
    const { quotes, fake } = await setup({ fake: { delayMs: 100 } });
    const answers = await Promise.all(Array.from({ length: 1000 }, () => quotes.tariff(request())));
    expect(fake.callsTo('/tariff')).toBe(1);
    expect(new Set(answers.map((a) => a.cost.amount))).toEqual(new Set([50.4]));
  });

  it('serves a fresh answer from the cache without asking again', async () => {
    const { quotes, fake } = await setup();
    await quotes.tariff(request());
    await quotes.tariff(request());
    expect(fake.callsTo('/tariff')).toBe(1);
  });

  it('serves an answer past fresh at once and refreshes it behind', async () => {
    const { quotes, clock, fake } = await setup();
    await quotes.tariff(request());
    clock.advance(61 * 60 * 1000);
    expect(await quotes.tariff(request())).toMatchObject({ source: 'pochta', stale: false });
    await vi.waitFor(() => expect(fake.callsTo('/tariff')).toBe(2));
  });

  it('serves the last answer, marked stale, when Russian Post fails the next day', async () => {
    const { quotes, clock, fake } = await setup();
    await quotes.tariff(request());
    clock.advance(24 * 60 * 60 * 1000);
    fake.mode = 'error500';
    const stale = await quotes.tariff(request({ date: '2027-03-11' }));
    expect(stale).toMatchObject({ cost: { amount: 50.4 }, source: 'pochta', stale: true });
  });
});

describe('when Russian Post fails and nothing is cached', () => {
  it.each([
    ['answers 500', 'error500', 502, 'upstream-failed'],
    ['is too slow', 'slow', 504, 'upstream-timeout'],
    ['answers garbage', 'garbage', 502, 'upstream-failed'],
    ['drops the connection', 'drop', 502, 'upstream-failed'],
  ] as const)('answers a problem when Russian Post %s (live)', async (_, mode, status, code) => {
    const { quotes } = await setup({ timeoutMs: 300, fake: { mode } });
    await expect(quotes.tariff(request())).rejects.toMatchObject({ status, code });
  });

  it('never echoes the upstream’s body to the client', async () => {
    const { quotes } = await setup({ fake: { mode: 'error500' } });
    const error = (await quotes.tariff(request()).catch((e: unknown) => e)) as HttpProblem;
    expect(JSON.stringify(error.toJSON())).not.toMatch(/html|ru\.pochta/);
  });

  it('falls back to the estimator in auto mode, and says the answer is an estimate', async () => {
    const { quotes } = await setup({ mode: 'auto', timeoutMs: 300, fake: { mode: 'drop' } });
    const q = await quotes.quote(request({ weight: 1000 }));
    expect(q.source).toBe('estimate');
    expect(q.stale).toBe(false);
    // Rostov → Moscow, 950 km: base 250 + 40/kg + 60 band, × 0.9 for parcel online = 315 ₽
    expect(q.cost.amount).toBe(315);
    expect(q.delivery).toEqual({ minDays: 2, maxDays: 5 });
  });

  it('opens the circuit after five failures, stops asking, and closes again after the cool-down', async () => {
    const { quotes, clock, breakers, fake } = await setup({ fake: { mode: 'error500' } });
    for (let i = 0; i < 5; i++)
      await quotes.tariff(request({ weight: 1000 + i })).catch(() => undefined);
    expect(breakers.tariff.state).toBe('open');
    const before = fake.callsTo('/tariff');
    await expect(quotes.tariff(request({ weight: 2000 }))).rejects.toMatchObject({ status: 502 });
    expect(fake.callsTo('/tariff')).toBe(before);
    clock.advance(30_000);
    expect(breakers.tariff.state).toBe('half-open');
    fake.mode = 'ok';
    await expect(quotes.tariff(request({ weight: 2001 }))).resolves.toMatchObject({
      source: 'pochta',
    });
    expect(breakers.tariff.state).toBe('closed');
  });
});

describe('Russian Post’s refusals', () => {
  it.each([
    [
      1207,
      'Почтовый индекс не существует (to)',
      {
        status: 400,
        code: 'unknown-postal-code',
        errors: [{ field: 'query.to', message: '115162 is not a postal code Russian Post knows' }],
      },
    ],
    [2002, 'Невозможно доставить', { status: 422, code: 'route-impossible' }],
    [2003, 'Неверный вес', { status: 400, code: 'weight-over-limit' }],
  ])('answers error %i as the client’s problem', async (upstreamCode, msg, problem) => {
    const { quotes } = await setup({
      fake: { mode: 'errors', errors: [{ code: upstreamCode, msg }] },
    });
    await expect(quotes.tariff(request())).rejects.toMatchObject(problem);
  });

  it('remembers a refusal for a minute, then asks again', async () => {
    const { quotes, clock, fake } = await setup({ fake: { mode: 'errors' } });
    await expect(quotes.tariff(request())).rejects.toMatchObject({ status: 400 });
    await expect(quotes.tariff(request())).rejects.toMatchObject({ status: 400 });
    expect(fake.callsTo('/tariff')).toBe(1);
    clock.advance(61_000);
    await expect(quotes.tariff(request())).rejects.toMatchObject({ status: 400 });
    expect(fake.callsTo('/tariff')).toBe(2);
  });
});

describe('the tariff date', () => {
  it('is today in Moscow, following the clock across midnight', async () => {
    const { quotes, clock } = await setup();
    expect(quotes.today()).toBe('2027-03-10');
    clock.advance(15 * 60 * 60 * 1000); // 00:00 in Moscow
    expect(quotes.today()).toBe('2027-03-11');
  });
});
