/**
 * The proxy's metrics for Prometheus, one registry per server: requests by route and status,
 * upstream latency, cache outcomes, breaker states. prom-client lives only here;
 * `plugins/metrics.ts` serves it at `GET /metrics`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheResult } from './cache/cached-call';
import type { BreakerState } from './quotes/upstreams/circuit-breaker';

/** The gauge's number for each breaker state. */
const BREAKER_LEVEL: Readonly<Record<BreakerState, number>> = {
  closed: 0,
  'half-open': 1,
  open: 2,
};

/** The registry and the few ways the proxy counts things. */
export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'bp_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly upstreamSeconds = new Histogram({
    name: 'bp_upstream_request_duration_seconds',
    help: 'Time of each call to an upstream (tariff, delivery), by outcome.',
    labelNames: ['upstream', 'outcome'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers: [this.registry],
  });

  readonly cache = new Counter({
    name: 'bp_quote_cache_total',
    help: 'Quote cache lookups by kind (tariff, delivery) and result, one per lookup: hit, miss, revalidate (served while refreshing), stale (served because the upstream failed), negative (a cached refusal).',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });

  readonly answers = new Counter({
    name: 'bp_quote_answers_total',
    help: 'Quotes answered, by kind and source (pochta, estimate).',
    labelNames: ['kind', 'source'] as const,
    registers: [this.registry],
  });

  /** Each watched breaker's state, read at scrape time. */
  private readonly breakers = new Map<string, () => BreakerState>();

  readonly breaker = new Gauge({
    name: 'bp_upstream_breaker_state',
    help: 'Circuit breaker per upstream: 0 closed, 1 half-open, 2 open.',
    labelNames: ['upstream'] as const,
    registers: [this.registry],
    collect: () => {
      for (const [upstream, state] of this.breakers)
        this.breaker.set({ upstream }, BREAKER_LEVEL[state()]);
    },
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'bp_' });
  }

  /** Bound label sets, made once: resolving labels on every request costs more than counting. */
  private readonly bound = new Map<string, { inc(): void }>();

  private child<T extends string>(
    name: string,
    metric: Counter<T>,
    labels: Record<T, string | number>,
  ): { inc(): void } {
    let key = name;
    for (const value of Object.values(labels)) key += `|${value as string}`;
    let c = this.bound.get(key);
    if (!c) this.bound.set(key, (c = metric.labels(labels)));
    return c;
  }

  /** Shows an upstream's breaker in the gauge, read at every scrape. */
  watchBreaker(upstream: string, state: () => BreakerState): void {
    this.breakers.set(upstream, state);
  }

  /** One answered request. */
  request(route: string, method: string, status: number): void {
    this.child('requests', this.requests, { route, method, status }).inc();
  }

  /** One quote cache lookup. */
  cacheResult(kind: string, result: CacheResult): void {
    this.child('cache', this.cache, { kind, result }).inc();
  }

  /** One quote answered, by where it came from. */
  answer(kind: string, source: string): void {
    this.child('answers', this.answers, { kind, source }).inc();
  }

  /** The exposition text for a scrape. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** Its content type. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
