/**
 * What Russian Post's calculators share: a base URL, one GET through `getJson` (timeout, retry,
 * breaker), a body to parse. Each calculator's file gives only its URL and its parser.
 */
import type { QuoteRequest } from '../quote-request';
import { getJson, type HttpOptions } from './upstream-http';
import type { Upstream } from './upstream';

/** How to reach one of Russian Post's calculators. */
export interface PochtaUpstreamOptions extends HttpOptions {
  /** Base URL, such as https://tariff.pochta.ru */
  url: string;
}

/** One calculator: its name, its request URL and its parser. */
export interface PochtaEndpoint<A> {
  name: string;
  /** The request URL for `request` under the base URL. */
  url(base: string, request: QuoteRequest): string;
  /** Reads the answer; throws UpstreamRejection for errors[], UpstreamFailure for anything unreadable. */
  parse(body: unknown, request: QuoteRequest): A;
}

/** An upstream asking `endpoint` at `options.url`. */
export function pochtaUpstream<A>(
  endpoint: PochtaEndpoint<A>,
  options: PochtaUpstreamOptions,
): Upstream<A> {
  return {
    name: endpoint.name,
    get circuit() {
      return options.breaker.state;
    },
    async ask(request) {
      const body = await getJson(endpoint.url(options.url, request), endpoint.name, options);
      return endpoint.parse(body, request);
    },
  };
}
