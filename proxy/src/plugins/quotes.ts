/**
 * Quotes for the whole server: a circuit breaker and an upstream per Russian Post calculator, the
 * answer cache, and the QuoteService over them, decorated as `app.quotes`. The breakers show in
 * `/metrics`; the estimator finds postal codes in `app.branches`.
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { MemoryCache } from '../cache/memory-cache';
import type { QuoteConfig } from '../config';
import { QuoteService } from '../quotes/quote-service';
import type { AttemptOutcome } from '../quotes/upstreams/upstream-http';
import { CircuitBreaker } from '../quotes/upstreams/circuit-breaker';
import { pochtaDelivery } from '../quotes/upstreams/pochta-delivery';
import { pochtaTariff } from '../quotes/upstreams/pochta-tariff';

declare module 'fastify' {
  interface FastifyInstance {
    /** Cost and delivery time. */
    quotes: QuoteService;
  }
}

const plugin: FastifyPluginCallback<QuoteConfig> = (app, config, done) => {
  const { metrics, branches } = app;
  const upstream = (name: string, url: string) => ({
    url,
    timeoutMs: config.timeoutMs,
    breaker: new CircuitBreaker(),
    observe: (seconds: number, outcome: AttemptOutcome) =>
      metrics.upstreamSeconds.observe({ upstream: name, outcome }, seconds),
  });
  const tariff = pochtaTariff(upstream('tariff', config.tariffUrl));
  const delivery = pochtaDelivery(upstream('delivery', config.deliveryUrl));
  for (const u of [tariff, delivery]) metrics.watchBreaker(u.name, () => u.circuit);
  const quotes = new QuoteService({
    tariff,
    delivery,
    cache: new MemoryCache({ maxEntries: config.cacheMaxEntries }),
    mode: config.mode,
    pricing: config.pricing,
    rates: config.rates,
    // Read per estimate: a reload swaps the snapshot.
    locate: () => (code) => branches.current.locate(code),
    metrics,
    onRefreshError: (error) =>
      app.log.warn({ err: error }, 'quote refresh failed; the cached answer stays'),
  });
  app.decorate('quotes', quotes);
  done();
};

/** `app.quotes`; needs `app.metrics` and `app.branches`. */
export const quotesPlugin = fp(plugin, {
  name: 'quotes',
  decorators: { fastify: ['metrics', 'branches'] },
});
