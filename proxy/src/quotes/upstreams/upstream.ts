/**
 * The interface every tariff and delivery-time upstream implements, one file each beside this one.
 */
import type { QuoteRequest } from '../quote-request';

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
  /** When the upstream answered, ms since the epoch. */
  answeredAt: number;
}

export interface DeliveryAnswer {
  minDays: number;
  maxDays: number;
  /** Control deadline as local date-time `YYYY-MM-DDTHH:MM:SS`, when given. */
  deadline?: string;
  answeredAt: number;
}

export interface TariffUpstream {
  readonly name: string;
  tariff(request: QuoteRequest): Promise<TariffAnswer>;
}

export interface DeliveryUpstream {
  readonly name: string;
  delivery(request: QuoteRequest): Promise<DeliveryAnswer>;
}

/** `YYYY-MM-DD` → `YYYYMMDD`, the form Russian Post's `date` parameter takes. */
export const compactDate = (date: string): string => date.replace(/-/g, '');

/** `20221010T235900` → `2022-10-10T23:59:00`. */
export function isoDeadline(raw: unknown): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(
    typeof raw === 'string' ? raw : '',
  );
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : undefined;
}
