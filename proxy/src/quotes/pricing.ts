/**
 * The shop's pricing rules, applied after Russian Post's answer (or the estimator's): a markup in
 * percent and/or a fixed amount, rounding, free shipping above an order value, and extra handling
 * days. Money in kopecks here, so that no rounding error creeps in. The rules themselves and their
 * parser live in core (the configurator checks them in the browser); they are re-exported here.
 */
import type { PricingRules } from '#core/pricing-rules';

export {
  DEFAULT_PRICING,
  pricingProblems,
  pricingRules,
  type PricingRules,
} from '#core/pricing-rules';

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
