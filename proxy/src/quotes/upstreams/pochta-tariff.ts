/**
 * Russian Post's tariff calculator, `GET {TARIFF_UPSTREAM_URL}/v2/calculate/tariff?json&…`: object
 * code, postal codes, weight in grams, declared value and COD in kopecks, size in centimetres, date
 * `YYYYMMDD`; `errorcode=0` makes it answer errors in the body (`errors[]`, HTTP 200) where we can
 * read them. The answer: `pay` (kopecks without VAT), `paynds` (with), `nds`, `ndsrate`.
 * Formats: shared/research/pochta-apis.md §1; real answers in `fixtures/`.
 */
import { kopecks, type QuoteRequest } from '../quote-request';
import { objectCode } from '../services';
import { pochtaUpstream, type PochtaUpstreamOptions } from './pochta-upstream';
import { throwOnErrors, UpstreamFailure } from './upstream-errors';
import { compactDate, type TariffAnswer, type TariffUpstream } from './upstream';

/** The request URL, exactly as Russian Post documents it. */
export function tariffUrl(base: string, r: QuoteRequest): string {
  const q = new URLSearchParams({
    object: String(objectCode(r.service, r.value, r.cod)),
    from: r.from,
    to: r.to,
    weight: String(r.weight),
    sumoc: String(kopecks(r.value)),
    sumnp: String(kopecks(r.cod)),
    date: compactDate(r.date),
    errorcode: '0',
  });
  if (r.size) q.set('size', `${r.size.length}x${r.size.width}x${r.size.height}`);
  return `${base.replace(/\/$/, '')}/v2/calculate/tariff?json&${q.toString()}`;
}

const int = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined;

/** Reads the answer; throws UpstreamRejection for errors[], UpstreamFailure for anything unreadable. */
export function parseTariff(body: unknown, request: QuoteRequest): TariffAnswer {
  const b = (body ?? {}) as Record<string, unknown>;
  throwOnErrors('tariff', b, request);
  const pay = int(b.pay);
  const payWithVat = int(b.paynds);
  if (pay === undefined || payWithVat === undefined) {
    throw new UpstreamFailure('tariff', 'bad-response', 'answered without "pay" and "paynds"');
  }
  const vatRate = int(b.ndsrate);
  return {
    object: int(b.id) ?? objectCode(request.service, request.value, request.cod),
    pay,
    payWithVat,
    vat: int(b.nds) ?? payWithVat - pay,
    ...(vatRate !== undefined ? { vatRate } : {}),
  };
}

/** The tariff calculator at `options.url`. */
export const pochtaTariff = (options: PochtaUpstreamOptions): TariffUpstream =>
  pochtaUpstream({ name: 'tariff', url: tariffUrl, parse: parseTariff }, options);
