import { describe, expect, it } from 'vitest';
import { realAnswer, startFakePochta, TARIFF_3000 } from '../fake-pochta.fixture';
import { CircuitBreaker } from './circuit-breaker';
import { pochtaTariff, tariffUrl } from './pochta-tariff';
import { sampleRequest } from '../quote-request.fixture';
import { upstreamContract } from './upstream.contract';

upstreamContract('pochta-tariff', {
  create: pochtaTariff,
  path: '/v2/calculate/tariff',
  answers: 'tariff',
  samples: [
    {
      title: 'a parcel’s price, VAT split out (Бандероль простая, 2022-09-26)',
      body: TARIFF_3000,
      expected: { object: 3000, pay: 4200, payWithVat: 5040, vat: 840, vatRate: 20 },
    },
    {
      title: 'a price with the declared-value fee inside (Письмо с объявленной ценностью)',
      body: realAnswer('tariff-v2-tariff-2020-ok-1'),
      expected: { object: 2020, pay: 12400, payWithVat: 14880, vat: 2480, vatRate: 20 },
    },
    {
      title: 'the price part of a tariff-and-delivery answer',
      body: realAnswer('tariff-v2-tariffdelivery-3000-ok-1'),
      expected: { object: 3000, pay: 4200, payWithVat: 5040, vat: 840, vatRate: 20 },
    },
  ],
});

describe('the tariff request', () => {
  it('asks exactly as documented: object by value and COD, money in kopecks, date YYYYMMDD', async () => {
    const fake = await startFakePochta();
    const upstream = pochtaTariff({
      url: fake.url,
      timeoutMs: 2000,
      breaker: new CircuitBreaker(),
    });
    await upstream.ask(sampleRequest({ value: 1500.5, cod: 1200, weight: 2500 }));
    expect(Object.fromEntries(fake.calls.at(-1)!.query)).toEqual({
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
  });

  it('prices a parcel with a size as the ordinary object', () => {
    const sized = sampleRequest({ size: { length: 30, width: 20, height: 10 } });
    expect(tariffUrl('https://tariff.pochta.ru', sized)).toContain('object=23030');
  });

  it('sends the package size as LxWxH centimetres', () => {
    const sized = sampleRequest({ size: { length: 30, width: 20, height: 10 } });
    expect(tariffUrl('https://tariff.pochta.ru', sized)).toContain('size=30x20x10');
  });
});
