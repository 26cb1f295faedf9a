/**
 * A request for a quote, validated and canonical: one pure function turns it into the cache key, so
 * that `?weight=1000&from=…` and `?from=…&weight=1000.0` share an answer, and two requests that
 * Russian Post would answer alike (same object, same weight, same day) hit the cache together.
 */
import type { QuoteQuery } from '#core/quote';

/**
 * The query's fields as they are (money in rubles with kopecks; upstream speaks kopecks), with the
 * defaults filled in, the size gathered, and the tariff date added.
 */
export interface QuoteRequest extends Pick<
  QuoteQuery,
  'from' | 'to' | 'weight' | 'service' | 'value' | 'cod'
> {
  /** Order total for free-shipping rules, rubles: the query's, else the declared value. */
  order: number;
  /** Package in centimetres, when given. */
  size?: { length: number; width: number; height: number };
  /** The tariff date, `YYYY-MM-DD` in Moscow time: prices change by date. */
  date: string;
}

/** Kopecks from rubles, exactly: 12.34 → 1234. */
export const kopecks = (rubles: number): number => Math.round(rubles * 100);

/**
 * The cache key: every field that changes Russian Post's answer, in a fixed order. Not the date: an
 * entry records its tariff date, is fresh only on that date, and is still there to serve (marked
 * stale) on a later day when Russian Post is down.
 */
export function quoteKey(kind: 'tariff' | 'delivery', r: QuoteRequest): string {
  const size = r.size ? `${r.size.length}x${r.size.width}x${r.size.height}` : '-';
  // Delivery time depends on the route and the service, not on weight or money.
  if (kind === 'delivery')
    return `delivery|${r.service}|${r.cod > 0 ? 'cod' : r.value > 0 ? 'value' : 'plain'}|${r.from}|${r.to}`;
  return `tariff|${r.service}|${r.from}|${r.to}|${r.weight}|${kopecks(r.value)}|${kopecks(r.cod)}|${size}`;
}

/** Today's date in Moscow, where Russian Post's tariff dates are. */
export function moscowDate(now: number): string {
  return new Date(now + 3 * 3_600_000).toISOString().slice(0, 10);
}

const DAY_MS = 24 * 3_600_000;

/** The instant the Moscow day of `now` ends: a tariff answer for today is good until then at most. */
export function endOfMoscowDay(now: number): number {
  const date = moscowDate(now);
  return Date.parse(`${date}T00:00:00+03:00`) + DAY_MS;
}

/** Today's tariff date by the clock `now`, worked out once a day rather than once a request. */
export function tariffDay(now: () => number): () => string {
  let date = '';
  let until = 0;
  return () => {
    const t = now();
    // Past the day's end, or before its start (a clock set back in tests): work it out again.
    if (t >= until || t < until - DAY_MS) {
      date = moscowDate(t);
      until = endOfMoscowDay(t);
    }
    return date;
  };
}
