/**
 * Cost and delivery time for a parcel to a branch, fast and dependable.
 *
 * Where an answer comes from, in order:
 * 1. the cache, when its entry is fresh (same tariff date, younger than `freshMs`);
 * 2. the upstream (Russian Post), single-flight: N identical concurrent requests make one call; an
 *    entry past fresh but of today is served at once while one refresh runs (stale-while-revalidate);
 * 3. when the upstream fails: the last answer for the same parcel (any date up to `keepMs` old),
 *    marked `stale: true`;
 * 4. with `QUOTE_SOURCE=auto`, the estimator, marked `source: "estimate"`; with `live`, a 502 (or 504
 *    for a timeout).
 * Russian Post's refusals (an unknown postal code, an impossible route) are the client's answer: a
 * 4xx, cached for `negativeMs`. The shop's pricing rules apply to every price, whatever its source.
 */
import type { CacheBackend } from '../cache/cache';
import { HttpProblem } from '../errors';
import type { Metrics } from '../metrics';
import { estimate, UnknownPlace, type Locate, type RateTable } from './estimator';
import { priceFor, vatIn, type PricingRules } from './pricing';
import { endOfMoscowDay, moscowDate, quoteKey, type QuoteRequest } from './quote-request';
import { SERVICE_SPECS } from './services';
import { UpstreamFailure, UpstreamRejection } from './upstream-errors';
import type {
  DeliveryAnswer,
  DeliveryUpstream,
  TariffAnswer,
  TariffUpstream,
} from './upstreams/upstream';

export type QuoteSource = 'auto' | 'live' | 'estimate';

export const defaultQuoteOptions = {
  /** An answer younger than this is served without asking again (tariffs change rarely within a day). */
  freshMs: 60 * 60 * 1000,
  /** An answer is kept this long to be served, marked stale, while the upstream fails. */
  keepMs: 7 * 24 * 60 * 60 * 1000,
  /** A refusal (unknown postal code) is remembered this long. */
  negativeMs: 60 * 1000,
};

export type QuoteOptions = typeof defaultQuoteOptions;

export interface Money {
  /** Rubles, with kopecks. */
  amount: number;
  currency: 'RUB';
  /** VAT inside `amount`, rubles. */
  vat?: number;
}

export interface CostPart {
  cost: Money;
  /** Russian Post's price before the shop's rules. */
  carrierCost: Money;
}

export interface DeliveryPart {
  delivery: { minDays: number; maxDays: number; deadline?: string };
}

export interface Provenance {
  source: 'pochta' | 'estimate';
  /** Served from an older answer because the upstream failed. */
  stale: boolean;
  /** When the answer was made, ISO 8601. */
  answeredAt: string;
}

export type TariffQuote = CostPart & Provenance;
export type DeliveryQuote = DeliveryPart & Provenance;
export type Quote = CostPart & DeliveryPart & Provenance;

interface Stored<T> {
  /** `ok`: an answer; `refused`: Russian Post's refusal, to replay. */
  kind: 'ok' | 'refused';
  answer?: T;
  refusal?: {
    code: UpstreamRejection['code'];
    status: number;
    detail: string;
    errors: UpstreamRejection['errors'];
    upstreamCode: number;
  };
  /** Tariff date of the answer, `YYYY-MM-DD`. */
  date: string;
  storedAt: number;
  /** storedAt as ISO 8601, made once rather than on every hit. */
  answeredAt: string;
}

type Kind = 'tariff' | 'delivery';

const rubles = (k: number): number => Math.round(k) / 100;

export interface QuoteServiceDeps {
  tariff: TariffUpstream;
  delivery: DeliveryUpstream;
  cache: CacheBackend;
  source: QuoteSource;
  pricing: PricingRules;
  rates: RateTable;
  /** Where postal codes are, for the estimator. */
  locate: () => Locate;
  metrics?: Metrics;
  options?: Partial<QuoteOptions>;
  now?: () => number;
  /** Called when a background refresh fails (for logs). */
  onRefreshError?: (error: unknown) => void;
}

export class QuoteService {
  private readonly deps: QuoteServiceDeps;
  private readonly options: QuoteOptions;
  private readonly inFlight = new Map<string, Promise<Stored<unknown>>>();
  private readonly now: () => number;

  constructor(deps: QuoteServiceDeps) {
    this.deps = deps;
    this.options = { ...defaultQuoteOptions, ...deps.options };
    this.now = deps.now ?? Date.now;
  }

  get source(): QuoteSource {
    return this.deps.source;
  }

  async tariff(request: QuoteRequest): Promise<TariffQuote> {
    const { answer, provenance } = await this.answer<TariffAnswer>('tariff', request, (r) =>
      this.deps.tariff.tariff(r),
    );
    const carrier = answer ? answer.payWithVat : undefined;
    if (carrier !== undefined) {
      const rate =
        answer!.vatRate ?? (answer!.pay > 0 ? Math.round((answer!.vat / answer!.pay) * 100) : 20);
      return { ...this.cost(carrier, rate, request), ...provenance };
    }
    const e = this.estimateOf(request);
    return { ...this.cost(e.payWithVat, e.vatRate, request), ...provenance };
  }

  async delivery(request: QuoteRequest): Promise<DeliveryQuote> {
    if (SERVICE_SPECS[request.service].noDeliveryApi && this.deps.source !== 'estimate') {
      // Russian Post's delivery-time API does not answer for this service: estimate, and say so.
      const e = this.estimateOf(request);
      return this.deliveryOf(e, {
        source: 'estimate',
        stale: false,
        answeredAt: new Date(this.now()).toISOString(),
      });
    }
    const { answer, provenance } = await this.answer<DeliveryAnswer>('delivery', request, (r) =>
      this.deps.delivery.delivery(r),
    );
    return this.deliveryOf(answer ?? this.estimateOf(request), provenance);
  }

  /** Both at once, as the widget's card needs them. */
  async quote(request: QuoteRequest): Promise<Quote> {
    const [t, d] = await Promise.all([this.tariff(request), this.delivery(request)]);
    return {
      cost: t.cost,
      carrierCost: t.carrierCost,
      delivery: d.delivery,
      source: t.source === 'estimate' || d.source === 'estimate' ? 'estimate' : 'pochta',
      stale: t.stale || d.stale,
      answeredAt: t.answeredAt < d.answeredAt ? t.answeredAt : d.answeredAt,
    };
  }

  private cost(carrierKopecks: number, vatRate: number, request: QuoteRequest): CostPart {
    const price = priceFor(carrierKopecks, request.order, this.deps.pricing);
    return {
      cost: { amount: rubles(price), currency: 'RUB', vat: rubles(vatIn(price, vatRate)) },
      carrierCost: {
        amount: rubles(carrierKopecks),
        currency: 'RUB',
        vat: rubles(vatIn(carrierKopecks, vatRate)),
      },
    };
  }

  private deliveryOf(
    d: { minDays: number; maxDays: number; deadline?: string },
    provenance: Provenance,
  ): DeliveryQuote {
    const extra = this.deps.pricing.extraDays;
    return {
      delivery: {
        minDays: d.minDays + extra,
        maxDays: d.maxDays + extra,
        ...(d.deadline && extra === 0 ? { deadline: d.deadline } : {}),
      },
      ...provenance,
    };
  }

  private estimateOf(request: QuoteRequest) {
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

  /**
   * An upstream answer through the cache, or undefined when the estimator should answer (auto mode
   * with no answer at all, or estimate mode).
   */
  private async answer<T>(
    kind: Kind,
    request: QuoteRequest,
    load: (r: QuoteRequest) => Promise<T>,
  ): Promise<{ answer: T | undefined; provenance: Provenance }> {
    // This is the hot path of a cached quote: no closures made per call, few allocations.
    if (this.deps.source === 'estimate') return this.estimated(kind);
    const key = quoteKey(kind, request);
    const cached = (await this.deps.cache.get<Stored<T>>(key))?.value;
    if (cached && cached.date === request.date) {
      const age = this.now() - cached.storedAt;
      if (cached.kind === 'refused' && age < this.options.negativeMs) {
        this.deps.metrics?.cacheResult(kind, 'negative');
        return this.fromStore(kind, cached, false);
      }
      if (cached.kind === 'ok' && age < this.options.freshMs) {
        this.deps.metrics?.cacheResult(kind, 'hit');
        return this.fromStore(kind, cached, false);
      }
      if (cached.kind === 'ok') {
        // Today's answer, past fresh: serve it now, refresh behind it.
        this.deps.metrics?.cacheResult(kind, 'revalidate');
        this.fetch(key, request, load).catch(this.refreshFailed);
        return this.fromStore(kind, cached, false);
      }
    }
    this.deps.metrics?.cacheResult(kind, 'miss');
    try {
      return this.fromStore(kind, await this.fetch(key, request, load), false);
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      if (cached?.kind === 'ok') {
        this.deps.metrics?.cacheResult(kind, 'stale');
        return this.fromStore(kind, cached, true);
      }
      if (this.deps.source === 'auto') return this.estimated(kind);
      throw new HttpProblem(
        error.kind === 'timeout' ? 504 : 502,
        error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-failed',
        error.kind === 'timeout'
          ? `Russian Post's ${kind} service did not answer in time; try again in a minute.`
          : `Russian Post's ${kind} service is failing (${error.kind}); try again in a minute.`,
        { cause: error },
      );
    }
  }

  private readonly refreshFailed = (error: unknown): void => this.deps.onRefreshError?.(error);

  /** No upstream answer: the caller estimates. */
  private estimated(kind: Kind): { answer: undefined; provenance: Provenance } {
    this.deps.metrics?.answer(kind, 'estimate');
    return {
      answer: undefined,
      provenance: {
        source: 'estimate',
        stale: false,
        answeredAt: new Date(this.now()).toISOString(),
      },
    };
  }

  private fromStore<T>(
    kind: Kind,
    stored: Stored<T>,
    stale: boolean,
  ): { answer: T | undefined; provenance: Provenance } {
    if (stored.kind === 'refused') throw this.refusal(stored);
    this.deps.metrics?.answer(kind, 'pochta');
    return {
      answer: stored.answer,
      provenance: { source: 'pochta', stale, answeredAt: stored.answeredAt },
    };
  }

  /** One upstream call per key at a time; the result (or the refusal) is stored. */
  private fetch<T>(
    key: string,
    request: QuoteRequest,
    load: (r: QuoteRequest) => Promise<T>,
  ): Promise<Stored<T>> {
    let pending = this.inFlight.get(key) as Promise<Stored<T>> | undefined;
    if (pending) return pending;
    pending = (async (): Promise<Stored<T>> => {
      try {
        const answer = await load(request);
        const storedAt = this.now();
        const stored: Stored<T> = {
          kind: 'ok',
          answer,
          date: request.date,
          storedAt,
          answeredAt: new Date(storedAt).toISOString(),
        };
        await this.deps.cache.set(key, {
          value: stored,
          expiresAt: this.now() + this.options.keepMs,
        });
        return stored;
      } catch (error) {
        if (!(error instanceof UpstreamRejection)) throw error;
        const stored: Stored<T> = {
          kind: 'refused',
          refusal: {
            code: error.code,
            status: error.status,
            detail: error.message,
            errors: error.errors,
            upstreamCode: error.upstreamCode,
          },
          date: request.date,
          storedAt: this.now(),
          answeredAt: new Date(this.now()).toISOString(),
        };
        // A refusal replaces nothing good: an older answer for the same parcel stays for outages.
        const old = (await this.deps.cache.get<Stored<T>>(key))?.value;
        if (!old || old.kind === 'refused')
          await this.deps.cache.set(key, {
            value: stored,
            expiresAt: this.now() + this.options.negativeMs,
          });
        return stored;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, pending);
    return pending;
  }

  private refusal(stored: Stored<unknown>): HttpProblem {
    const r = stored.refusal!;
    return new HttpProblem(r.status, r.code, r.detail, { errors: r.errors });
  }

  private day = { date: '', until: 0 };

  /** Today's tariff date, for requests; worked out once a day, not once a request. */
  today(): string {
    const now = this.now();
    if (now >= this.day.until || now < this.day.until - 86_400_000) {
      this.day = { date: moscowDate(now), until: endOfMoscowDay(now) };
    }
    return this.day.date;
  }
}
