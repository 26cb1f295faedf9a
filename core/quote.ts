/**
 * Cost and delivery time on the wire (contract): what the proxy's `/api/v1/tariff`, `/delivery` and
 * `/quote` take and answer, what the widget shows on the card, and what a shop receives in
 * `branch-select`. Money is rubles with kopecks; Russian Post's own kopecks stay inside the proxy.
 */
import type { MailService } from './mail-services';

/** A sum in rubles. */
export interface Money {
  /** Rubles, with kopecks. */
  amount: number;
  currency: 'RUB';
  /** VAT inside `amount`, rubles. */
  vat?: number;
}

/** Delivery time in days, and Russian Post's control deadline when it gives one. */
export interface DeliveryTime {
  minDays: number;
  maxDays: number;
  /** Local date-time `YYYY-MM-DDTHH:MM:SS`. */
  deadline?: string;
}

/** Where an answer came from: Russian Post, or the shop's rate table (the estimator). */
export type AnswerSource = 'pochta' | 'estimate';

/** How an answer was made. */
export interface Provenance {
  source: AnswerSource;
  /** Served from an older answer because Russian Post failed. */
  stale: boolean;
  /** When the answer was made, ISO 8601. */
  answeredAt: string;
}

/** `/api/v1/tariff`'s answer (without `service`). */
export interface TariffQuote extends Provenance {
  /** The price the buyer pays, after the shop's pricing rules. */
  cost: Money;
  /** Russian Post's price before the shop's rules. */
  carrierCost: Money;
}

/** `/api/v1/delivery`'s answer (without `service`). */
export interface DeliveryQuote extends Provenance {
  delivery: DeliveryTime;
}

/** `/api/v1/quote`'s answer: both at once, as the card needs them. */
export type QuoteAnswer = TariffQuote & DeliveryQuote & { service?: MailService };

/** The quote a shop receives with the chosen branch: what the buyer saw on the card. */
export type Quote = Pick<QuoteAnswer, 'source' | 'stale'> & {
  cost: Money;
  delivery: DeliveryTime;
};

/** The query of the three quote routes (money in rubles, weight in grams, sizes in centimetres). */
export interface QuoteQuery {
  /** Sender's six-digit postal code. */
  from: string;
  /** Recipient's (the branch's) six-digit postal code. */
  to: string;
  weight: number;
  service: MailService;
  /** Declared value. */
  value: number;
  /** Cash on delivery. */
  cod: number;
  /** Order total for free-shipping rules; default: `value`. */
  order?: number;
  length?: number;
  width?: number;
  height?: number;
  /** A saved configuration: its pricing rules replace the server's. */
  config?: string;
}

/** The quote a shop receives, copied from the proxy's answer: nothing more than it promises. */
export function toSelectionQuote(answer: QuoteAnswer): Quote {
  return {
    cost: answer.cost,
    delivery: answer.delivery,
    source: answer.source,
    stale: answer.stale,
  };
}
