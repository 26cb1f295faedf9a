/**
 * The interface every tariff and delivery-time upstream implements, one file each beside this one,
 * each run through `upstream.contract.ts` against the fake Russian Post.
 */
import type { DeliveryTime } from '#core/quote';
import type { QuoteRequest } from '../quote-request';
import type { BreakerState } from './circuit-breaker';

/** Russian Post's price, in kopecks as it answers. */
export interface TariffAnswer {
  /** Object code that was priced. */
  object: number;
  /** Total without VAT, kopecks. */
  pay: number;
  /** Total with VAT, kopecks. */
  payWithVat: number;
  /** VAT, kopecks. */
  vat: number;
  /** VAT rate, percent, when given. */
  vatRate?: number;
}

/** Russian Post's delivery time: days, and the control deadline when given (as on the wire to clients). */
export type DeliveryAnswer = DeliveryTime;

/** One upstream: asks it about a request, or throws UpstreamFailure / UpstreamRejection. */
export interface Upstream<A> {
  /** For errors, logs and metrics: `tariff`, `delivery`. */
  readonly name: string;
  /** Its circuit breaker's state now, for `/readyz` and the breaker gauge. */
  readonly circuit: BreakerState;
  ask(request: QuoteRequest): Promise<A>;
}

/** An upstream of prices. */
export type TariffUpstream = Upstream<TariffAnswer>;
/** An upstream of delivery times. */
export type DeliveryUpstream = Upstream<DeliveryAnswer>;

/** `YYYY-MM-DD` → `YYYYMMDD`, the form Russian Post's `date` parameter takes. */
export const compactDate = (date: string): string => date.replace(/-/g, '');

/** `20221010T235900` → `2022-10-10T23:59:00`. */
export function isoDeadline(raw: unknown): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(
    typeof raw === 'string' ? raw : '',
  );
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : undefined;
}
