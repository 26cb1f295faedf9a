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

type LabelValue = string | number;

/** One label set's count, and its labels as prom-client takes them. */
interface Count {
  labels: Record<string, LabelValue>;
  n: number;
}

/**
 * A counter of the request path: prom-client's `Counter`, its counts kept as plain numbers and
 * handed to it only when scraped (its `collect`): a prom-client `inc()` hashes its labels on every
 * call, which cost the cached quote path about 7% of its throughput. The counts sit in one map per
 * label, so that counting looks up the label values as they come (strings the routes hold, whose
 * hash V8 keeps) and builds no key.
 */
class Tally {
  private readonly counts = new Map<LabelValue, Map<LabelValue, Map<LabelValue, Count>>>();
  private readonly names: readonly string[];

  /** `labelNames`: two or three, in the order `add` takes their values. */
  constructor(
    registry: Registry,
    config: { name: string; help: string; labelNames: readonly string[] },
  ) {
    this.names = config.labelNames;
    const counter = new Counter({
      ...config,
      registers: [registry],
      collect: () => {
        counter.reset();
        for (const byB of this.counts.values())
          for (const byC of byB.values())
            for (const count of byC.values()) counter.inc(count.labels, count.n);
      },
    });
  }

  /** One more for the label values `a`, `b` (and `c`, for three labels). */
  add(a: LabelValue, b: LabelValue, c: LabelValue = ''): void {
    let byB = this.counts.get(a);
    if (byB === undefined)
      this.counts.set(a, (byB = new Map<LabelValue, Map<LabelValue, Count>>()));
    let byC = byB.get(b);
    if (byC === undefined) byB.set(b, (byC = new Map<LabelValue, Count>()));
    const count = byC.get(c);
    if (count !== undefined) count.n++;
    else {
      const values = [a, b, c];
      const labels = Object.fromEntries(this.names.map((name, i) => [name, values[i]!]));
      byC.set(c, { labels, n: 1 });
    }
  }
}

/** The registry and the few ways the proxy counts things. */
export class Metrics {
  readonly registry = new Registry();

  private readonly requests = new Tally(this.registry, {
    name: 'bp_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'],
  });

  readonly upstreamSeconds = new Histogram({
    name: 'bp_upstream_request_duration_seconds',
    help: 'Time of each call to an upstream (tariff, delivery), by outcome.',
    labelNames: ['upstream', 'outcome'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers: [this.registry],
  });

  private readonly cache = new Tally(this.registry, {
    name: 'bp_quote_cache_total',
    help: 'Quote cache lookups by kind (tariff, delivery) and result, one per lookup: hit, miss, revalidate (served while refreshing), stale (served because the upstream failed), negative (a cached refusal).',
    labelNames: ['kind', 'result'],
  });

  private readonly answers = new Tally(this.registry, {
    name: 'bp_quote_answers_total',
    help: 'Quotes answered, by kind and source (pochta, estimate).',
    labelNames: ['kind', 'source'],
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

  /** Shows an upstream's breaker in the gauge, read at every scrape. */
  watchBreaker(upstream: string, state: () => BreakerState): void {
    this.breakers.set(upstream, state);
  }

  /** One answered request. */
  request(route: string, method: string, status: number): void {
    this.requests.add(route, method, status);
  }

  /** One quote cache lookup. */
  cacheResult(kind: string, result: CacheResult): void {
    this.cache.add(kind, result);
  }

  /** One quote answered, by where it came from. */
  answer(kind: string, source: string): void {
    this.answers.add(kind, source);
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
