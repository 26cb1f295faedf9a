/**
 * Russian Post's tariff calculator, `GET {TARIFF_UPSTREAM_URL}/v2/calculate/tariff?json&…`: object
 * code, postal codes, weight in grams, declared value and COD in kopecks, size in centimetres, date
 * `YYYYMMDD`; `errorcode=0` makes it answer errors in the body (`errors[]`, HTTP 200) where we can
 * read them. The answer: `pay` (kopecks without VAT), `paynds` (with), `nds`, `ndsrate`.
 * Formats: shared/research/pochta-apis.md §1.
 */
import type { CircuitBreaker } from '../circuit-breaker';
import { kopecks, type QuoteRequest } from '../quote-request';
import { objectCode } from '../services';
import { getJson } from '../upstream-http';
import { rejectionFor, UpstreamFailure } from '../upstream-errors';
import { compactDate, type TariffAnswer, type TariffUpstream } from './upstream';

export interface PochtaUpstreamOptions {
  /** Base URL, such as https://tariff.pochta.ru */
  url: string;
  timeoutMs: number;
  breaker: CircuitBreaker;
  observe?: (seconds: number, outcome: 'ok' | 'error' | 'timeout') => void;
}

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
export function parseTariff(
  body: unknown,
  request: QuoteRequest,
  answeredAt: number,
): TariffAnswer {
  const b = (body ?? {}) as Record<string, unknown>;
  if (Array.isArray(b.errors) && b.errors.length) {
    const rejection = rejectionFor(b.errors as { code?: number; msg?: string }[], request);
    if (rejection) throw rejection;
    throw new UpstreamFailure(
      'tariff',
      'bad-response',
      `reported an internal error ${String((b.errors[0] as { code?: unknown }).code)}`,
    );
  }
  const pay = int(b.pay);
  const payWithVat = int(b.paynds);
  if (pay === undefined || payWithVat === undefined) {
    throw new UpstreamFailure('tariff', 'bad-response', 'answered without "pay" and "paynds"');
  }
  return {
    object: int(b.id) ?? objectCode(request.service, request.value, request.cod),
    pay,
    payWithVat,
    vat: int(b.nds) ?? payWithVat - pay,
    ...(int(b.ndsrate) !== undefined ? { vatRate: int(b.ndsrate)! } : {}),
    answeredAt,
  };
}

export class PochtaTariff implements TariffUpstream {
  readonly name = 'tariff';
  private readonly options: PochtaUpstreamOptions;

  constructor(options: PochtaUpstreamOptions) {
    this.options = options;
  }

  async tariff(request: QuoteRequest): Promise<TariffAnswer> {
    const body = await getJson(tariffUrl(this.options.url, request), {
      upstream: this.name,
      ...this.options,
    });
    return parseTariff(body, request, Date.now());
  }
}
