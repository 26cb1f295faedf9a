import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCache } from '../cache/memory-cache';
import { type HttpProblem } from '../errors';
import { CircuitBreaker } from './circuit-breaker';
import { DEFAULT_RATES } from './estimator';
import { FakePochta } from './fake-pochta.fixture';
import { DEFAULT_PRICING, type PricingRules } from './pricing';
import type { QuoteRequest } from './quote-request';
import { QuoteService, type QuoteSource } from './quote-service';
import { PochtaDelivery } from './upstreams/pochta-delivery';
import { PochtaTariff, tariffUrl } from './upstreams/pochta-tariff';

const fake = new FakePochta();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.mode = 'ok';
  fake.delayMs = 0;
  fake.calls = [];
});

const request = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({
  from: '344038',
  to: '115162',
  weight: 100,
  service: 'parcel-online',
  value: 0,
  cod: 0,
  order: 0,
  date: '2027-03-10',
  ...overrides,
});

function service(
  options: { source?: QuoteSource; pricing?: Partial<PricingRules>; timeoutMs?: number } = {},
) {
  let now = Date.parse('2027-03-10T09:00:00+03:00');
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const breakers = {
    tariff: new CircuitBreaker({}, clock.now),
    delivery: new CircuitBreaker({}, clock.now),
  };
  const upstream = { url: fake.url, timeoutMs: options.timeoutMs ?? 2000 };
  const quotes = new QuoteService({
    tariff: new PochtaTariff({ ...upstream, breaker: breakers.tariff }),
    delivery: new PochtaDelivery({ ...upstream, breaker: breakers.delivery }),
    cache: new MemoryCache({}, clock.now),
    source: options.source ?? 'live',
    pricing: { ...DEFAULT_PRICING, ...options.pricing },
    rates: DEFAULT_RATES,
    locate: () => (code) =>
      ({ '344038': { lon: 39.7, lat: 47.23 }, '115162': { lon: 37.62, lat: 55.75 } })[code],
    now: clock.now,
  });
  return { quotes, clock, breakers };
}

describe('quotes from Russian Post', () => {
  it('reads the exact figures of the documented answer: kopecks to rubles, VAT split out', async () => {
    const { quotes } = service();
    const q = await quotes.quote(request());
    expect(q).toEqual({
      cost: { amount: 50.4, currency: 'RUB', vat: 8.4 },
      carrierCost: { amount: 50.4, currency: 'RUB', vat: 8.4 },
      delivery: { minDays: 4, maxDays: 4, deadline: '2022-10-10T23:59:00' },
      source: 'pochta',
      stale: false,
      answeredAt: new Date(Date.parse('2027-03-10T09:00:00+03:00')).toISOString(),
    });
  });

  it('asks exactly as documented: object by value and COD, money in kopecks, date YYYYMMDD', async () => {
    const { quotes } = service();
    await quotes.tariff(request({ value: 1500.5, cod: 1200, weight: 2500 }));
    const call = fake.calls.find((c) => c.path === '/v2/calculate/tariff')!;
    expect(Object.fromEntries(call.query)).toEqual({
      json: '',
      object: '23040',
      from: '344038',
      to: '115162',
      weight: '2500',
      sumoc: '150050',
      sumnp: '120000',
      date: '20270310',
      errorcode: '0',
    });
    expect(
      tariffUrl(
        'https://tariff.pochta.ru',
        request({ size: { length: 30, width: 20, height: 10 } }),
      ),
    ).toContain('object=23030');
    expect(
      tariffUrl(
        'https://tariff.pochta.ru',
        request({ size: { length: 30, width: 20, height: 10 } }),
      ),
    ).toContain('size=30x20x10');
  });

  it('applies the shop’s rules: markup, rounding up, free shipping above an order value, extra days', async () => {
    const { quotes } = service({
      pricing: { markupPercent: 10, markupFixed: 20, roundTo: 10, extraDays: 2, freeAbove: 3000 },
    });
    const q = await quotes.quote(request({ order: 1000 }));
    // 50.40 + 10% + 20 = 75.44 → 80.00 rounded up to 10 ₽
    expect(q.cost).toEqual({ amount: 80, currency: 'RUB', vat: 13.33 });
    expect(q.carrierCost.amount).toBe(50.4);
    expect(q.delivery).toEqual({ minDays: 6, maxDays: 6 });
    const free = await quotes.tariff(request({ order: 3000 }));
    expect(free.cost.amount).toBe(0);
  });

  it('makes one upstream call for 1,000 identical concurrent requests', async () => {
    const { quotes } = service();
    fake.delayMs = 100;
    const answers = await Promise.all(Array.from({ length: 1000 }, () => quotes.tariff(request())));
    expect(fake.callsTo('/tariff')).toBe(1);
    expect(new Set(answers.map((a) => a.cost.amount))).toEqual(new Set([50.4]));
  });

  it('serves a fresh answer from the cache, then refreshes a stale one behind the cached answer', async () => {
    const { quotes, clock } = service();
    await quotes.tariff(request());
    await quotes.tariff(request());
    expect(fake.callsTo('/tariff')).toBe(1);
    clock.advance(61 * 60 * 1000);
    const served = await quotes.tariff(request());
    expect(served).toMatchObject({ source: 'pochta', stale: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsTo('/tariff')).toBe(2);
  });

  it('serves the last answer, marked stale, when Russian Post fails the next day', async () => {
    const { quotes, clock } = service();
    await quotes.tariff(request());
    clock.advance(24 * 60 * 60 * 1000);
    fake.mode = 'error500';
    const stale = await quotes.tariff(request({ date: '2027-03-11' }));
    expect(stale).toMatchObject({ cost: { amount: 50.4 }, source: 'pochta', stale: true });
  });

  it('answers 502 for a failing upstream and 504 for a slow one when nothing is cached (live)', async () => {
    const { quotes } = service({ timeoutMs: 300 });
    fake.mode = 'error500';
    await expect(quotes.tariff(request())).rejects.toMatchObject({
      status: 502,
      code: 'upstream-failed',
    });
    fake.mode = 'slow';
    await expect(quotes.tariff(request({ weight: 200 }))).rejects.toMatchObject({
      status: 504,
      code: 'upstream-timeout',
    });
    fake.mode = 'garbage';
    await expect(quotes.tariff(request({ weight: 300 }))).rejects.toMatchObject({ status: 502 });
    fake.mode = 'drop';
    await expect(quotes.tariff(request({ weight: 400 }))).rejects.toMatchObject({ status: 502 });
  });

  it('never echoes the upstream’s body to the client', async () => {
    const { quotes } = service();
    fake.mode = 'error500';
    const error = (await quotes.tariff(request()).catch((e: unknown) => e)) as HttpProblem;
    expect(JSON.stringify(error.toJSON())).not.toMatch(/html|ru\.pochta/);
  });

  it('falls back to the estimator in auto mode, and says the answer is an estimate', async () => {
    const { quotes } = service({ source: 'auto', timeoutMs: 300 });
    fake.mode = 'drop';
    const q = await quotes.quote(request({ weight: 1000 }));
    expect(q.source).toBe('estimate');
    expect(q.stale).toBe(false);
    // Rostov → Moscow, 950 km: base 250 + 40/kg + 60 band, × 0.9 for parcel online = 315 ₽
    expect(q.cost.amount).toBe(315);
    expect(q.delivery).toEqual({ minDays: 2, maxDays: 5 });
  });

  it('maps Russian Post’s errors[] to the client’s error, and remembers the refusal briefly', async () => {
    const { quotes, clock } = service();
    fake.mode = 'errors';
    fake.errors = [{ code: 1207, msg: 'Почтовый индекс не существует (to)' }];
    await expect(quotes.tariff(request())).rejects.toMatchObject({
      status: 400,
      code: 'unknown-postal-code',
      errors: [{ field: 'query.to', message: '115162 is not a postal code Russian Post knows' }],
    });
    await expect(quotes.tariff(request())).rejects.toMatchObject({ status: 400 });
    expect(fake.callsTo('/tariff')).toBe(1);
    clock.advance(61_000);
    await expect(quotes.tariff(request())).rejects.toMatchObject({ status: 400 });
    expect(fake.callsTo('/tariff')).toBe(2);
    fake.errors = [{ code: 2002, msg: 'Невозможно доставить' }];
    await expect(quotes.tariff(request({ weight: 150 }))).rejects.toMatchObject({
      status: 422,
      code: 'route-impossible',
    });
    fake.errors = [{ code: 2003, msg: 'Неверный вес' }];
    await expect(quotes.tariff(request({ weight: 160 }))).rejects.toMatchObject({
      status: 400,
      code: 'weight-over-limit',
    });
  });

  it('opens the circuit after five failures, stops asking, and closes again after the cool-down', async () => {
    const { quotes, clock, breakers } = service();
    fake.mode = 'error500';
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

  it('estimates ECOM delivery times, which Russian Post’s delivery API does not give', async () => {
    const { quotes } = service();
    const d = await quotes.delivery(request({ service: 'ecom' }));
    expect(d.source).toBe('estimate');
    expect(fake.callsTo('/delivery')).toBe(0);
  });
});
