/**
 * The widget's one way to the proxy (ky is used only here). Used on the main thread for details,
 * rows, search and quotes, and in the network worker for the network, so it touches no DOM.
 *
 * ky comes in as a module rather than an import: the worker passes it statically (the network is
 * its first request), the element passes a loader (`() => import('ky')`) that runs at its first
 * request, so ky's 9 KB stay out of the entry script and off the way to the first clusters.
 */
import type * as Ky from 'ky';
import type { Branch } from '#core/branch';
import type { QuoteAnswer, QuoteQuery } from '#core/quote';
import type { BranchSummary, SearchAnswer } from '#core/summary';
import type { PublicConfig } from '#core/widget-config';
import { ApiError } from './api-error';

export type { QuoteAnswer, QuoteQuery } from '#core/quote';
export type { BranchSummary, PlaceHit, SearchAnswer } from '#core/summary';

/** A request the proxy has not answered in this long is abandoned and reported. */
const TIMEOUT_MS = 15_000;
/** GETs are retried on network errors and 5xx, twice, with ky's backoff. */
const RETRIES = 2;

export type KyModule = typeof Ky;

export class ApiClient {
  private readonly loadKy: () => Promise<KyModule>;
  private ky: Promise<KyModule> | undefined;
  private http: Ky.KyInstance | undefined;
  /** Base URL of the proxy, ending in `/`. */
  readonly base: string;

  constructor(base: string, ky: KyModule | (() => Promise<KyModule>)) {
    this.base = base.endsWith('/') ? base : `${base}/`;
    this.loadKy = typeof ky === 'function' ? ky : () => Promise.resolve(ky);
  }

  /** The whole network in the compact transport, parsed but not decoded. */
  branches(signal?: AbortSignal): Promise<unknown> {
    return this.get('api/v1/branches', signal);
  }

  /** One branch in full. */
  branch(id: string, signal?: AbortSignal): Promise<Branch> {
    return this.get(`api/v1/branches/${encodeURIComponent(id)}`, signal) as Promise<Branch>;
  }

  /** Names and addresses of branches, by id, for list rows (100 ids at most per call). */
  summaries(ids: readonly string[], signal?: AbortSignal): Promise<{ results: BranchSummary[] }> {
    const params = new URLSearchParams({ ids: ids.join(',') });
    return this.get(`api/v1/branches/summaries?${params.toString()}`, signal) as Promise<{
      results: BranchSummary[];
    }>;
  }

  /** Towns and branches matching what the buyer typed, nearest to `near` first among equals. */
  search(
    q: string,
    near: { lon: number; lat: number } | null,
    types: readonly string[],
    signal?: AbortSignal,
  ): Promise<SearchAnswer> {
    const params = new URLSearchParams({ q, limit: '6' });
    if (near) params.set('near', `${near.lon.toFixed(5)},${near.lat.toFixed(5)}`);
    if (types.length) params.set('types', types.join(','));
    return this.get(`api/v1/branches/search?${params.toString()}`, signal) as Promise<SearchAnswer>;
  }

  /** A saved configuration's public part. */
  config(id: string, signal?: AbortSignal): Promise<PublicConfig> {
    return this.get(`api/v1/configs/${encodeURIComponent(id)}`, signal) as Promise<PublicConfig>;
  }

  /** Cost and delivery time of a parcel to a branch. */
  quote(query: QuoteQuery, signal?: AbortSignal): Promise<QuoteAnswer> {
    const params = new URLSearchParams({
      from: query.from,
      to: query.to,
      weight: String(query.weight),
      value: String(query.value),
      cod: String(query.cod),
      service: query.service,
    });
    // Priced with the configuration's rules, by the proxy.
    if (query.config) params.set('config', query.config);
    return this.get(`api/v1/quote?${params.toString()}`, signal) as Promise<QuoteAnswer>;
  }

  private async get(path: string, signal?: AbortSignal): Promise<unknown> {
    const url = new URL(path, this.base).href;
    let HTTPError: KyModule['HTTPError'] | undefined;
    let TimeoutError: KyModule['TimeoutError'] | undefined;
    try {
      // Loaded once; a chunk that failed to load is tried again by the next request.
      this.ky ??= this.loadKy().catch((error: unknown) => {
        this.ky = undefined;
        throw error;
      });
      const ky = await this.ky;
      ({ HTTPError, TimeoutError } = ky);
      this.http ??= ky.default.create({
        baseUrl: this.base,
        timeout: TIMEOUT_MS,
        retry: { limit: RETRIES, methods: ['get'] },
        // The proxy's answers are public: no cookies cross to it from the shop's page.
        credentials: 'omit',
      });
      return await this.http.get(path, signal ? { signal } : {}).json();
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      if (HTTPError && error instanceof HTTPError) {
        const status = error.response.status;
        // ky has read the body already: a problem+json from the proxy says what went wrong.
        const problem = error.data as { detail?: unknown } | string | undefined;
        const detail =
          typeof problem === 'object' && problem && typeof problem.detail === 'string'
            ? problem.detail
            : `the proxy answered ${status}`;
        throw new ApiError(status === 404 ? 'not-found' : 'http', 'GET', url, detail, {
          status,
          cause: error,
        });
      }
      if (TimeoutError && error instanceof TimeoutError) {
        throw new ApiError('timeout', 'GET', url, `no answer in ${TIMEOUT_MS / 1000} s`, {
          cause: error,
        });
      }
      if (error instanceof SyntaxError) {
        throw new ApiError('bad-response', 'GET', url, 'the answer is not JSON', { cause: error });
      }
      throw new ApiError('network', 'GET', url, 'the proxy cannot be reached', { cause: error });
    }
  }
}
