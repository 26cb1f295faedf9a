/**
 * A quote request for tests, in the fake Russian Post's terms: Rostov-on-Don → Moscow, 100 g of
 * parcel-online, on a fixed date. Each test states only what it changes.
 */
import type { QuoteRequest } from './quote-request';

/** The sample request, with `overrides`. */
export const sampleRequest = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({
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
