/**
 * Cost and delivery time for a parcel to a branch, fast and dependable.
 *
 * Where an answer comes from, in order:
 * 1. Russian Post through the cache (`cache/cached-call.ts`: fresh for `freshMs` on its tariff date,
 *    stale-while-revalidate past that, single-flight, and the last answer for the same parcel, marked
 *    `stale: true`, when Russian Post fails);
 * 2. with `QUOTE_SOURCE=auto`, the estimator, marked `source: "estimate"`; with `live`, a 502 (or 504
 *    for a timeout).
 * Russian Post's refusals (an unknown postal code, an impossible route) are the client's answer: a
 * 4xx, cached for `negativeMs`. The shop's pricing rules apply to every price, whatever its source.
 */
import type {
  DeliveryQuote,
  DeliveryTime,
  Provenance,
  QuoteAnswer,
  TariffQuote,
} from '#core/quote';
import type { CacheBackend } from '../cache/cache';
import { CachedCall, type CachedValue } from '../cache/cached-call';
import { HttpProblem } from '../errors';
import type { Metrics } from '../metrics';
import { estimate, UnknownPlace, type Estimate, type Locate, type RateTable } from './estimator';
import { priceFor, vatIn, type PricingRules } from './pricing';
import { quoteKey, tariffDay, type QuoteRequest } from './quote-request';
import { SERVICE_SPECS } from './services';
import type { BreakerState } from './upstreams/circuit-breaker';
import { UpstreamFailure, UpstreamRejection } from './upstreams/upstream-errors';
import type {
  DeliveryAnswer,
  DeliveryUpstream,
  TariffAnswer,
  TariffUpstream,
  Upstream,
} from './upstreams/upstream';

/** Where quotes come from: Russian Post falling back to the estimator, Russian Post only, or the estimator only. */
export type QuoteMode = 'auto' | 'live' | 'estimate';

/** A quote made from fresh answers only, and the instant (ms) it stops being fresh. */
export interface FreshQuote {
  answer: QuoteAnswer;
  freshUntil: number;
}

/** How long answers serve; tariffs change rarely within a day. */
export const QUOTE_CACHE_POLICY = {
  /** An answer younger than this is served without asking again. */
  freshMs: 60 * 60 * 1000,
  /** An answer is kept this long to be served, marked stale, while the upstream fails. */
  keepMs: 7 * 24 * 60 * 60 * 1000,
  /** A refusal (unknown postal code) is remembered this long. */
  negativeMs: 60 * 1000,
};

/** The cache's timings; see QUOTE_CACHE_POLICY. */
export type QuoteCachePolicy = typeof QUOTE_CACHE_POLICY;

/** What `/readyz` shows of quotes: the mode, and each upstream's circuit. */
export interface QuoteStatus {
  source: QuoteMode;
  tariff: BreakerState;
  delivery: BreakerState;
}

/** What a QuoteService is made of. */
export interface QuoteServiceDeps {
  tariff: TariffUpstream;
  delivery: DeliveryUpstream;
  cache: CacheBackend;
  mode: QuoteMode;
  pricing: PricingRules;
  rates: RateTable;
  /** Where postal codes are, for the estimator. */
  locate: () => Locate;
  metrics?: Metrics;
  /** Default QUOTE_CACHE_POLICY. */
  policy?: Partial<QuoteCachePolicy>;
  now?: () => number;
  /** Called when a background refresh fails (for logs). */
  onRefreshError?: (error: unknown) => void;
}

/** Russian Post's refusal as the cache keeps it (plain data), to answer again as the same problem. */
interface Refusal {
  code: UpstreamRejection['code'];
  status: number;
  detail: string;
  errors: UpstreamRejection['errors'];
  upstreamCode: number;
}

type Kind = 'tariff' | 'delivery';
type Found<T> = CachedValue<T, Refusal> | undefined;

/** When Russian Post gives neither a VAT rate nor a VAT amount to work it out from. */
const FALLBACK_VAT_RATE = 20;

const rubles = (k: number): number => Math.round(k) / 100;

const refusalOf = (error: unknown): Refusal | undefined =>
  error instanceof UpstreamRejection
    ? {
        code: error.code,
        status: error.status,
        detail: error.message,
        errors: error.errors,
        upstreamCode: error.upstreamCode,
      }
    : undefined;

/** Only the upstream's own failures may be answered from older answers or the estimator. */
const isFailure = (error: unknown): boolean => error instanceof UpstreamFailure;

/** The client's problem for Russian Post failing: 504 for a timeout, else 502. */
function upstreamProblem(kind: Kind, error: UpstreamFailure): HttpProblem {
  const timeout = error.kind === 'timeout';
  return new HttpProblem(
    timeout ? 504 : 502,
    timeout ? 'upstream-timeout' : 'upstream-failed',
    timeout
      ? `Russian Post's ${kind} service did not answer in time; try again in a minute.`
      : `Russian Post's ${kind} service is failing (${error.kind}); try again in a minute.`,
    { cause: error },
  );
}

/** The card's quote from its two halves. */
function both(t: TariffQuote, d: DeliveryQuote): QuoteAnswer {
  return {
    cost: t.cost,
    carrierCost: t.carrierCost,
    delivery: d.delivery,
    source: t.source === 'estimate' || d.source === 'estimate' ? 'estimate' : 'pochta',
    stale: t.stale || d.stale,
    answeredAt: t.answeredAt < d.answeredAt ? t.answeredAt : d.answeredAt,
  };
}

/** Answers quotes; one per server, shared by the quote routes. */
export class QuoteService {
  /** Where quotes come from. */
  readonly mode: QuoteMode;
  /** Today's tariff date (Moscow), for the requests the routes build. */
  readonly today: () => string;
  private readonly deps: QuoteServiceDeps;
  /** The clock the cache reads (a test may set it). */
  readonly now: () => number;
  private readonly tariffs: CachedCall<QuoteRequest, TariffAnswer, Refusal>;
  private readonly deliveries: CachedCall<QuoteRequest, DeliveryAnswer, Refusal>;

  constructor(deps: QuoteServiceDeps) {
    this.deps = deps;
    this.mode = deps.mode;
    this.now = deps.now ?? Date.now;
    this.today = tariffDay(this.now);
    this.tariffs = this.cached('tariff', deps.tariff);
    this.deliveries = this.cached('delivery', deps.delivery);
  }

  /**
   * The cost of the parcel, after the shop's pricing rules (`pricing`: a saved configuration's,
   * else the server's). The cache holds the carrier's answer, so the rules apply after it.
   */
  async tariff(
    request: QuoteRequest,
    pricing: PricingRules = this.deps.pricing,
  ): Promise<TariffQuote> {
    return this.tariffOf(await this.ask(this.tariffs, 'tariff', request), request, pricing);
  }

  /** The delivery time of the parcel, with the shop's extra days (`pricing`, as for `tariff`). */
  async delivery(
    request: QuoteRequest,
    pricing: PricingRules = this.deps.pricing,
  ): Promise<DeliveryQuote> {
    if (SERVICE_SPECS[request.service].noDeliveryApi && this.mode !== 'estimate') {
      // Russian Post's delivery-time API does not answer for this service: estimate, and say so.
      return this.timed(this.estimateOf(request), pricing, this.provenance(undefined));
    }
    const found = await this.ask(this.deliveries, 'delivery', request);
    return this.timed(found?.value ?? this.estimateOf(request), pricing, this.provenance(found));
  }

  /** Both at once, as the widget's card needs them. */
  async quote(
    request: QuoteRequest,
    pricing: PricingRules = this.deps.pricing,
  ): Promise<QuoteAnswer> {
    const [t, d] = await Promise.all([
      this.tariff(request, pricing),
      this.delivery(request, pricing),
    ]);
    return both(t, d);
  }

  /**
   * The quote at once, without a promise, when both of Russian Post's answers are fresh in this
   * process's memory (the hot path of a busy checkout: most quotes are parcels asked before), with
   * the instant the older of the two stops being fresh; undefined otherwise, and the caller asks
   * `quote`. Counted as `quote` would count it.
   */
  quoteIfFresh(
    request: QuoteRequest,
    pricing: PricingRules = this.deps.pricing,
  ): FreshQuote | undefined {
    if (this.mode === 'estimate' || SERVICE_SPECS[request.service].noDeliveryApi) return undefined;
    const t = this.tariffs.peekFresh(quoteKey('tariff', request), request.date);
    if (!t) return undefined;
    const d = this.deliveries.peekFresh(quoteKey('delivery', request), request.date);
    if (!d) return undefined;
    this.countFreshQuote();
    return {
      answer: both(
        this.tariffOf(t, request, pricing),
        this.timed(d.value!, pricing, this.provenance(d)),
      ),
      freshUntil: Math.min(this.tariffs.freshUntil(t), this.deliveries.freshUntil(d)),
    };
  }

  /**
   * Counts a quote answered from both fresh answers, as `quoteIfFresh` does: for a caller that
   * kept what `quoteIfFresh` made and answers with it again while it is fresh.
   */
  countFreshQuote(): void {
    this.tariffs.countHit();
    this.deliveries.countHit();
    this.deps.metrics?.answer('tariff', 'pochta');
    this.deps.metrics?.answer('delivery', 'pochta');
  }

  /** The mode and each upstream's circuit, for `/readyz`. */
  status(): QuoteStatus {
    return {
      source: this.mode,
      tariff: this.deps.tariff.circuit,
      delivery: this.deps.delivery.circuit,
    };
  }

  private cached<T>(kind: Kind, upstream: Upstream<T>): CachedCall<QuoteRequest, T, Refusal> {
    const { metrics } = this.deps;
    return new CachedCall(this.deps.cache, {
      ...QUOTE_CACHE_POLICY,
      ...this.deps.policy,
      load: (request) => upstream.ask(request),
      refusal: refusalOf,
      staleOn: isFailure,
      now: this.now,
      ...(metrics ? { onResult: (result) => metrics.cacheResult(kind, result) } : {}),
      ...(this.deps.onRefreshError ? { onRefreshError: this.deps.onRefreshError } : {}),
    });
  }

  /**
   * Russian Post's answer through the cache, or undefined when the estimator should answer (estimate
   * mode, or auto mode with no answer at all). This is the hot path of a cached quote: no closures
   * made per call; the cache hands back its stored entry.
   */
  private async ask<T>(
    call: CachedCall<QuoteRequest, T, Refusal>,
    kind: Kind,
    request: QuoteRequest,
  ): Promise<Found<T>> {
    if (this.mode === 'estimate') return this.estimated(kind);
    let found: CachedValue<T, Refusal>;
    try {
      found = await call.get(quoteKey(kind, request), request, request.date);
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      if (this.mode === 'auto') return this.estimated(kind);
      throw upstreamProblem(kind, error);
    }
    const refusal = found.refusal;
    if (refusal)
      throw new HttpProblem(refusal.status, refusal.code, refusal.detail, {
        errors: refusal.errors,
      });
    this.deps.metrics?.answer(kind, 'pochta');
    return found;
  }

  /** No upstream answer: the caller estimates. */
  private estimated(kind: Kind): undefined {
    this.deps.metrics?.answer(kind, 'estimate');
    return undefined;
  }

  private provenance(found: Found<unknown>): Provenance {
    return found
      ? { source: 'pochta', stale: found.stale === true, answeredAt: found.loadedAtIso }
      : { source: 'estimate', stale: false, answeredAt: new Date(this.now()).toISOString() };
  }

  /** The cost from Russian Post's answer, or the estimate when there is none. */
  private tariffOf(found: Found<TariffAnswer>, request: QuoteRequest, pricing: PricingRules) {
    const answer = found?.value;
    if (answer) {
      const rate =
        answer.vatRate ??
        (answer.pay > 0 ? Math.round((answer.vat / answer.pay) * 100) : FALLBACK_VAT_RATE);
      return this.priced(answer.payWithVat, rate, request, pricing, this.provenance(found));
    }
    const e = this.estimateOf(request);
    return this.priced(e.payWithVat, e.vatRate, request, pricing, this.provenance(undefined));
  }

  private priced(
    carrierKopecks: number,
    vatRate: number,
    request: QuoteRequest,
    pricing: PricingRules,
    provenance: Provenance,
  ): TariffQuote {
    const price = priceFor(carrierKopecks, request.order, pricing);
    return {
      cost: { amount: rubles(price), currency: 'RUB', vat: rubles(vatIn(price, vatRate)) },
      carrierCost: {
        amount: rubles(carrierKopecks),
        currency: 'RUB',
        vat: rubles(vatIn(carrierKopecks, vatRate)),
      },
      ...provenance,
    };
  }

  private timed(d: DeliveryTime, pricing: PricingRules, provenance: Provenance): DeliveryQuote {
    const extra = pricing.extraDays;
    return {
      delivery: {
        minDays: d.minDays + extra,
        maxDays: d.maxDays + extra,
        // The deadline is Russian Post's; the shop's extra days would make it wrong.
        ...(d.deadline && extra === 0 ? { deadline: d.deadline } : {}),
      },
      ...provenance,
    };
  }

  private estimateOf(request: QuoteRequest): Estimate {
    try {
      return estimate(request, this.deps.rates, this.deps.locate());
    } catch (error) {
      if (error instanceof UnknownPlace) {
        throw new HttpProblem(400, 'unknown-postal-code', `${error.message} (${error.field}).`, {
          errors: [{ field: `query.${error.field}`, message: error.message }],
        });
      }
      throw error;
    }
  }
}
