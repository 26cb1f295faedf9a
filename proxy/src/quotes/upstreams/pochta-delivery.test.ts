import { describe, expect, it } from 'vitest';
import { TARIFF_DELIVERY_3000 } from '../fake-pochta.fixture';
import { deliveryUrl, pochtaDelivery } from './pochta-delivery';
import { sampleRequest } from '../quote-request.fixture';
import { upstreamContract } from './upstream.contract';

upstreamContract('pochta-delivery', {
  create: pochtaDelivery,
  path: '/v2/calculate/delivery',
  answers: 'delivery',
  samples: [
    {
      title: 'days and the control deadline (Бандероль простая, 2022-10-06)',
      body: TARIFF_DELIVERY_3000,
      expected: { minDays: 4, maxDays: 4, deadline: '2022-10-10T23:59:00' },
    },
    {
      // The figures of a real v1 answer (Посылка 1 класса, 2020-07), printed abridged: only its
      // `delivery` object is known, so the body is that object alone.
      title: 'a range of days whose deadline is one minute past midnight',
      body: '{"delivery":{"min":4,"max":6,"deadline":"20200709T000100"}}',
      expected: { minDays: 4, maxDays: 6, deadline: '2020-07-09T00:01:00' },
    },
  ],
});

describe('the delivery-time request', () => {
  it('leaves money and size out: the time depends on the route and the object', () => {
    const url = deliveryUrl(
      'https://delivery.pochta.ru',
      sampleRequest({ value: 100, size: { length: 30, width: 20, height: 10 } }),
    );
    expect(url).not.toMatch(/sumoc|sumnp|size=/);
  });
});
