/**
 * The estimator: a price and a delivery time from the merchant's rate table, when Russian Post
 * cannot be asked (offline, failing, or switched off: the `estimate` mode). Distance is the
 * great-circle distance between the two postal codes' places, taken from the branch network (the
 * branch with that postal code, or the centre of the codes sharing its first three digits).
 */
import { distanceMetres, type LonLat } from '#core/geo';
import type { MailService } from '#core/mail-services';
import { kopecks, type QuoteRequest } from './quote-request';

/** One distance band of the rate table. */
export interface RateBand {
  /** Up to this distance in km; null for the last band. */
  upToKm: number | null;
  /** Added rubles. */
  surcharge: number;
  minDays: number;
  maxDays: number;
}

/** The shop's rates for estimates, in rubles. */
export interface RateTable {
  /** Rubles for any parcel. */
  basePrice: number;
  /** Rubles per started kilogram. */
  perKg: number;
  /** Percent of the declared value (insurance). */
  valueFeePercent: number;
  /** Percent of the cash-on-delivery amount. */
  codFeePercent: number;
  /** VAT included in the estimate, percent. */
  vatRate: number;
  bands: RateBand[];
  /** Per service: price multiplier and delivery-days multiplier. */
  services: Record<MailService, { priceFactor: number; daysFactor: number }>;
}

/** A plausible table after Russian Post's public rates for a parcel; a shop replaces it with its own. */
export const DEFAULT_RATES: RateTable = {
  basePrice: 250,
  perKg: 40,
  valueFeePercent: 4,
  codFeePercent: 3,
  vatRate: 20,
  bands: [
    { upToKm: 300, surcharge: 0, minDays: 1, maxDays: 3 },
    { upToKm: 1000, surcharge: 60, minDays: 2, maxDays: 5 },
    { upToKm: 2500, surcharge: 150, minDays: 4, maxDays: 8 },
    { upToKm: 5000, surcharge: 280, minDays: 6, maxDays: 12 },
    { upToKm: null, surcharge: 420, minDays: 9, maxDays: 18 },
  ],
  services: {
    parcel: { priceFactor: 1, daysFactor: 1 },
    'parcel-online': { priceFactor: 0.9, daysFactor: 1 },
    'courier-online': { priceFactor: 1.6, daysFactor: 1 },
    ems: { priceFactor: 1.9, daysFactor: 0.5 },
    'first-class': { priceFactor: 1.4, daysFactor: 0.7 },
    ecom: { priceFactor: 0.8, daysFactor: 1 },
  },
};

/** The estimator's answer: a price in kopecks and a delivery time. */
export interface Estimate {
  /** With VAT, kopecks. */
  payWithVat: number;
  vat: number;
  vatRate: number;
  minDays: number;
  maxDays: number;
  distanceKm: number;
}

/** Finds a postal code's place; undefined when the network knows nothing near it. */
export type Locate = (postalCode: string) => LonLat | undefined;

/** Throws UnknownPlace for a postal code the network cannot place. */
export class UnknownPlace extends Error {
  readonly field: 'from' | 'to';
  constructor(field: 'from' | 'to', postalCode: string) {
    super(`${postalCode} is not a postal code the branch network knows`);
    this.field = field;
  }
}

/** Prices and times a parcel from the rate table; throws UnknownPlace when a postal code cannot be placed. */
export function estimate(request: QuoteRequest, rates: RateTable, locate: Locate): Estimate {
  const from = locate(request.from);
  if (!from) throw new UnknownPlace('from', request.from);
  const to = locate(request.to);
  if (!to) throw new UnknownPlace('to', request.to);
  const distanceKm = Math.round(distanceMetres(from, to) / 1000);
  const band =
    rates.bands.find((b) => b.upToKm === null || distanceKm <= b.upToKm) ??
    rates.bands[rates.bands.length - 1]!;
  const service = rates.services[request.service];
  const kg = Math.max(1, Math.ceil(request.weight / 1000));
  const rubles =
    (rates.basePrice + rates.perKg * kg + band.surcharge) * service.priceFactor +
    (request.value * rates.valueFeePercent) / 100 +
    (request.cod * rates.codFeePercent) / 100;
  const payWithVat = kopecks(rubles);
  return {
    payWithVat,
    vat: Math.round((payWithVat * rates.vatRate) / (100 + rates.vatRate)),
    vatRate: rates.vatRate,
    minDays: Math.max(1, Math.round(band.minDays * service.daysFactor)),
    maxDays: Math.max(1, Math.round(band.maxDays * service.daysFactor)),
    distanceKm,
  };
}

/**
 * A rate table from a plain object over the defaults (config reads it from JSON; `services` merge one
 * by one), naming a bad field.
 */
export function rateTable(raw: Readonly<Record<string, unknown>>): RateTable {
  const given = raw as Partial<RateTable>;
  const r = {
    ...DEFAULT_RATES,
    ...given,
    services: { ...DEFAULT_RATES.services, ...given.services },
  };
  for (const k of ['basePrice', 'perKg', 'valueFeePercent', 'codFeePercent', 'vatRate'] as const) {
    if (typeof r[k] !== 'number' || !(r[k] >= 0))
      throw new Error(`${k} must be a number of 0 or more`);
  }
  if (!Array.isArray(r.bands) || !r.bands.length)
    throw new Error('bands must be a non-empty array');
  r.bands.forEach((b, i) => {
    const ok =
      (b.upToKm === null || (typeof b.upToKm === 'number' && b.upToKm > 0)) &&
      typeof b.surcharge === 'number' &&
      Number.isInteger(b.minDays) &&
      Number.isInteger(b.maxDays) &&
      b.minDays >= 0 &&
      b.maxDays >= b.minDays;
    if (!ok)
      throw new Error(
        `bands[${i}] needs upToKm (km or null), surcharge, and whole minDays <= maxDays`,
      );
  });
  if (r.bands[r.bands.length - 1]!.upToKm !== null)
    throw new Error('bands must end with a band whose upToKm is null');
  return r;
}
