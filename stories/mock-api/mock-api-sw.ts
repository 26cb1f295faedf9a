/**
 * The mocked proxy for Storybook: a service worker answering `/mock-api/<scenario>/…` from the
 * generated fixtures (stories/mock-api/generate.ts), in the proxy's own formats, so that stories
 * never touch the network. A service worker, not a patched `fetch`, because the picker's network
 * worker fetches the network itself and a service worker answers it too. Written in TypeScript over
 * core/ (summaries, distances, problem documents as the proxy makes them) and bundled by
 * generate.ts; the search is the proxy's own index (proxy/src/search/) over the fixture branches.
 *
 * Scenarios (the first path segment after /mock-api/):
 *   ok          Russian Post answers quotes
 *   estimate    Russian Post is down: quotes come from the estimator
 *   stale       quotes from Russian Post's last answer, two hours old
 *   quote-down  quotes fail with 502
 *   loading     the network never arrives
 *   down        every API call fails with 503
 * The basemap under /mock-api/<scenario>/basemap/ is the built one, served from /basemap/.
 */
import type { Branch, BranchType } from '#core/branch';
import type { CompactBranches } from '#core/compact';
import { problemDocument, PROBLEM_CONTENT_TYPE } from '#core/problem';
import type { QuoteAnswer } from '#core/quote';
import { toSummary, type SearchAnswer } from '#core/summary';
import { SearchIndex } from '../../proxy/src/search/search-index';

/** The few service-worker APIs used here (the project's TypeScript libraries are the DOM's). */
interface FetchEvent extends Event {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
declare const self: ServiceWorkerScope;

const DATA_URL = '/mock-api-data.json';
/** The mocked carrier's price: a base and a rate per kilogram, rubles. */
const PRICE = { base: 296, perKg: 48.5 };
/** How old the "stale" scenario's answer is. */
const STALE_MS = 2 * 3600_000;

interface Fixtures {
  network: CompactBranches;
  branches: Record<string, Branch>;
}

let data: Promise<Fixtures> | undefined;
const fixtures = () => (data ??= fetch(DATA_URL).then((r) => r.json() as Promise<Fixtures>));

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  const match = /^\/mock-api\/([a-z-]+)\/(.*)$/.exec(url.pathname);
  if (match) event.respondWith(answer(match[1]!, match[2]!, url));
});

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : PROBLEM_CONTENT_TYPE },
  });
}

const problem = (status: number, code: string, detail: string) =>
  json(problemDocument(status, code, detail), status);

async function answer(scenario: string, rest: string, url: URL): Promise<Response> {
  if (rest.startsWith('basemap/')) return fetch(`/${rest}`);
  if (scenario === 'loading') return new Promise<Response>(() => undefined);
  if (scenario === 'down')
    return problem(503, 'not-ready', 'the mocked proxy is down in this story');
  const { network, branches } = await fixtures();

  if (rest === 'api/v1/branches') return json(network);
  if (rest === 'api/v1/branches/summaries') {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter((id) => branches[id]);
    return json({ results: ids.map((id) => toSummary(branches[id]!)) });
  }
  if (rest === 'api/v1/branches/search') return json(search(branches, url.searchParams));
  const one = /^api\/v1\/branches\/([^/]+)$/.exec(rest);
  if (one) {
    const id = decodeURIComponent(one[1]!);
    const branch = branches[id];
    return branch ? json(branch) : problem(404, 'branch-not-found', `No branch has id "${id}".`);
  }
  if (rest === 'api/v1/quote') return quote(scenario, url.searchParams);
  return problem(404, 'not-found', `Nothing at GET ${url.pathname}.`);
}

/** The towns whose names start with the query, largest first, as the proxy names them. */
/** The proxy's own search index over the fixture branches, built at the first search. */
let index: { branches: Record<string, Branch>; search: SearchIndex } | undefined;

function search(branches: Record<string, Branch>, params: URLSearchParams): SearchAnswer {
  if (index?.branches !== branches)
    index = { branches, search: new SearchIndex(Object.values(branches)) };
  const query = (params.get('q') ?? '').trim();
  const near = params.get('near')?.split(',').map(Number);
  const types = (params.get('types')?.split(',') ?? []) as BranchType[];
  const found = index.search.find(query, {
    limit: Number(params.get('limit') ?? 10),
    ...(near ? { near: { lon: near[0]!, lat: near[1]! } } : {}),
    ...(types.length ? { types } : {}),
  });
  return {
    query,
    results: found.hits.map((h) => toSummary(h.branch, h.distance)),
    places: found.places,
    ...(found.unmatched.length ? { unmatched: found.unmatched } : {}),
    ...(found.layout ? { layout: found.layout } : {}),
  };
}

function quote(scenario: string, params: URLSearchParams): Response {
  if (scenario === 'quote-down')
    return problem(502, 'upstream-failed', 'Russian Post did not answer and estimates are off');
  const weight = Number(params.get('weight') ?? 1000);
  const amount = Math.round((PRICE.base + (weight / 1000) * PRICE.perKg) * 100) / 100;
  const cost = { amount, currency: 'RUB' as const, vat: Math.round((amount / 6) * 100) / 100 };
  const body: QuoteAnswer = {
    source: scenario === 'estimate' ? 'estimate' : 'pochta',
    stale: scenario === 'stale',
    answeredAt: new Date(Date.now() - (scenario === 'stale' ? STALE_MS : 0)).toISOString(),
    service: (params.get('service') ?? 'parcel') as QuoteAnswer['service'],
    cost,
    carrierCost: cost,
    delivery: { minDays: 2, maxDays: 4 },
  };
  return json(body);
}
