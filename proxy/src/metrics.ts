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

/** How often one label set of a counter was counted. */
interface Tally {
  metric: Counter<string>;
  labels: Record<string, string | number>;
  n: number;
}

/** The registry and the few ways the proxy counts things. */
export class Metrics {
  readonly registry = new Registry();

  /**
   * Counts made on the request path are plain numbers, one per label set, handed to prom-client
   * only when scraped: a prom-client `inc()` hashes its labels on every call, which cost the cached
   * quote path about 7% of its throughput.
   */
  private readonly tallies = new Map<string, Tally>();

  readonly requests: Counter<'route' | 'method' | 'status'> = new Counter({
    name: 'bp_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
    collect: (): void => this.publish('requests'),
  });

  readonly upstreamSeconds = new Histogram({
    name: 'bp_upstream_request_duration_seconds',
    help: 'Time of each call to an upstream (tariff, delivery), by outcome.',
    labelNames: ['upstream', 'outcome'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers: [this.registry],
  });

  readonly cache: Counter<'kind' | 'result'> = new Counter({
    name: 'bp_quote_cache_total',
    help: 'Quote cache lookups by kind (tariff, delivery) and result, one per lookup: hit, miss, revalidate (served while refreshing), stale (served because the upstream failed), negative (a cached refusal).',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
    collect: (): void => this.publish('cache'),
  });

  readonly answers: Counter<'kind' | 'source'> = new Counter({
    name: 'bp_quote_answers_total',
    help: 'Quotes answered, by kind and source (pochta, estimate).',
    labelNames: ['kind', 'source'] as const,
    registers: [this.registry],
    collect: (): void => this.publish('answers'),
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

  /** Adds one to the tally of `metric` with `labels`; `key` names the pair, made by the caller. */
  private count(key: string, metric: Counter<string>, labels: Record<string, string | number>) {
    const tally = this.tallies.get(key);
    if (tally) tally.n++;
    else this.tallies.set(key, { metric, labels, n: 1 });
  }

  /** Sets a counter from its tallies, at scrape time. */
  private publish(name: 'requests' | 'cache' | 'answers'): void {
    const metric: Counter<string> = this[name];
    metric.reset();
    for (const tally of this.tallies.values())
      if (tally.metric === metric) metric.inc(tally.labels, tally.n);
  }

  /** Shows an upstream's breaker in the gauge, read at every scrape. */
  watchBreaker(upstream: string, state: () => BreakerState): void {
    this.breakers.set(upstream, state);
  }

  /** One answered request. */
  request(route: string, method: string, status: number): void {
    this.count(`r ${status} ${method} ${route}`, this.requests, { route, method, status });
  }

  /** One quote cache lookup. */
  cacheResult(kind: string, result: CacheResult): void {
    this.count(`c ${kind} ${result}`, this.cache, { kind, result });
  }

  /** One quote answered, by where it came from. */
  answer(kind: string, source: string): void {
    this.count(`a ${kind} ${source}`, this.answers, { kind, source });
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
