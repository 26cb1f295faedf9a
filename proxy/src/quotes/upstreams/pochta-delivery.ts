/**
 * Russian Post's delivery-time calculator, `GET {DELIVERY_UPSTREAM_URL}/v2/calculate/delivery?json&…`:
 * object code, postal codes, date. The answer's `delivery` holds `min`, `max` (days) and `deadline`
 * (`YYYYMMDDTHHMMSS`, local). Formats: shared/research/pochta-apis.md §2.
 */
import type { QuoteRequest } from '../quote-request';
import { objectCode } from '../services';
import { getJson } from '../upstream-http';
import { rejectionFor, UpstreamFailure } from '../upstream-errors';
import type { PochtaUpstreamOptions } from './pochta-tariff';
import { compactDate, isoDeadline, type DeliveryAnswer, type DeliveryUpstream } from './upstream';

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

export function parseDelivery(
  body: unknown,
  request: QuoteRequest,
  answeredAt: number,
): DeliveryAnswer {
  const b = (body ?? {}) as {
    errors?: unknown;
    delivery?: { min?: unknown; max?: unknown; deadline?: unknown };
  };
  if (Array.isArray(b.errors) && b.errors.length) {
    const rejection = rejectionFor(b.errors as { code?: number; msg?: string }[], request);
    if (rejection) throw rejection;
    throw new UpstreamFailure('delivery', 'bad-response', 'reported an internal error');
  }
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
  return {
    minDays: min ?? max!,
    maxDays: max ?? min!,
    ...(deadline ? { deadline } : {}),
    answeredAt,
  };
}

export class PochtaDelivery implements DeliveryUpstream {
  readonly name = 'delivery';
  private readonly options: PochtaUpstreamOptions;

  constructor(options: PochtaUpstreamOptions) {
    this.options = options;
  }

  async delivery(request: QuoteRequest): Promise<DeliveryAnswer> {
    const body = await getJson(deliveryUrl(this.options.url, request), {
      upstream: this.name,
      ...this.options,
    });
    return parseDelivery(body, request, Date.now());
  }
}
