/**
 * Russian Post's delivery-time calculator, `GET {DELIVERY_UPSTREAM_URL}/v2/calculate/delivery?json&…`:
 * object code, postal codes, date. The answer's `delivery` holds `min`, `max` (days) and `deadline`
 * (`YYYYMMDDTHHMMSS`, local). Formats: shared/research/pochta-apis.md §2.
 */
import type { QuoteRequest } from '../quote-request';
import { objectCode } from '../services';
import { pochtaUpstream, type PochtaUpstreamOptions } from './pochta-upstream';
import { throwOnErrors, UpstreamFailure } from './upstream-errors';
import { compactDate, isoDeadline, type DeliveryAnswer, type DeliveryUpstream } from './upstream';

/** The request URL, exactly as Russian Post documents it. */
export function deliveryUrl(base: string, r: QuoteRequest): string {
  const q = new URLSearchParams({
    object: String(objectCode(r.service, r.value, r.cod)),
    from: r.from,
    to: r.to,
    weight: String(r.weight),
    date: compactDate(r.date),
    errorcode: '0',
  });
  return `${base.replace(/\/$/, '')}/v2/calculate/delivery?json&${q.toString()}`;
}

/** Reads the answer; throws UpstreamRejection for errors[], UpstreamFailure for anything unreadable. */
export function parseDelivery(body: unknown, request: QuoteRequest): DeliveryAnswer {
  const b = (body ?? {}) as {
    errors?: unknown;
    delivery?: { min?: unknown; max?: unknown; deadline?: unknown };
  };
  throwOnErrors('delivery', b, request);
  const d = b.delivery;
  const min = typeof d?.min === 'number' ? d.min : undefined;
  const max = typeof d?.max === 'number' ? d.max : undefined;
  if (min === undefined && max === undefined)
    throw new UpstreamFailure(
      'delivery',
      'bad-response',
      'answered without "delivery.min" or "delivery.max"',
    );
  const deadline = isoDeadline(d?.deadline);
  return { minDays: min ?? max!, maxDays: max ?? min!, ...(deadline ? { deadline } : {}) };
}

/** The delivery-time calculator at `options.url`. */
export const pochtaDelivery = (options: PochtaUpstreamOptions): DeliveryUpstream =>
  pochtaUpstream({ name: 'delivery', url: deliveryUrl, parse: parseDelivery }, options);
