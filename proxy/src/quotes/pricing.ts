/**
 * The shop's pricing rules, applied after Russian Post's answer (or the estimator's): a markup in
 * percent and/or a fixed amount, rounding, free shipping above an order value, and extra handling
 * days. Money in kopecks here, so that no rounding error creeps in.
 */

export interface PricingRules {
  /** Added percent of the carrier's price. Default 0. */
  markupPercent: number;
  /** Added rubles. Default 0. */
  markupFixed: number;
  /** Round the price to a multiple of this many rubles; 0 leaves kopecks. Default 0. */
  roundTo: number;
  /** `up` (never below the computed price) or `nearest`. Default `up`. */
  roundMode: 'up' | 'nearest';
  /** Orders of at least this many rubles ship free; null never. Default null. */
  freeAbove: number | null;
  /** Days added to the delivery time for packing and handover. Default 0. */
  extraDays: number;
}

/** No markup, no rounding, no free shipping, no extra days: Russian Post's price as it is. */
export const DEFAULT_PRICING: PricingRules = {
  markupPercent: 0,
  markupFixed: 0,
  roundTo: 0,
  roundMode: 'up',
  freeAbove: null,
  extraDays: 0,
};

/** The buyer's price in kopecks for a carrier price in kopecks and an order total in rubles. */
export function priceFor(carrierKopecks: number, orderRubles: number, rules: PricingRules): number {
  if (rules.freeAbove !== null && orderRubles >= rules.freeAbove) return 0;
  let k = carrierKopecks * (1 + rules.markupPercent / 100) + rules.markupFixed * 100;
  if (rules.roundTo > 0) {
    const step = rules.roundTo * 100;
    k =
      rules.roundMode === 'up'
        ? Math.ceil(Math.round(k) / step) * step
        : Math.round(k / step) * step;
  }
  return Math.max(0, Math.round(k));
}

/** VAT inside a price that includes it, at a rate in percent. */
export const vatIn = (kopecks: number, ratePercent: number): number =>
  Math.round((kopecks * ratePercent) / (100 + ratePercent));

/**
 * Rules from a plain object over the defaults (config reads it from JSON), saying which field is wrong
 * and what it takes.
 */
export function pricingRules(raw: Readonly<Record<string, unknown>>): PricingRules {
  const known = Object.keys(DEFAULT_PRICING);
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length)
    throw new Error(`${unknown.join(', ')} is not a rule (rules: ${known.join(', ')})`);
  const r = { ...DEFAULT_PRICING, ...(raw as Partial<PricingRules>) };
  const nonNegative = (k: keyof PricingRules) => {
    const v = r[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new Error(`${k} must be a number of 0 or more, got ${JSON.stringify(v)}`);
  };
  nonNegative('markupPercent');
  nonNegative('markupFixed');
  nonNegative('roundTo');
  nonNegative('extraDays');
  if (!Number.isInteger(r.extraDays))
    throw new Error(`extraDays must be whole days, got ${r.extraDays}`);
  if (r.roundMode !== 'up' && r.roundMode !== 'nearest')
    throw new Error(`roundMode must be "up" or "nearest", got ${JSON.stringify(r.roundMode)}`);
  if (r.freeAbove !== null) nonNegative('freeAbove');
  return r;
}
