/**
 * Search latency over the whole network: our index against a plain scan that normalises every
 * branch's fields and checks each query word against them (what a search without an index does),
 * the same queries, the same machine, the same run. Server time: the search call itself.
 */
import type { Branch } from '#core/branch';
import { SearchIndex } from '../proxy/src/search/search-index';
import { normalize, words } from '../proxy/src/search/text';

export interface LatencyRow {
  name: string;
  median: number;
  p95: number;
}

/** Queries of every kind a buyer types, drawn from the network itself with a fixed stride. */
export function queriesFor(branches: readonly Branch[], count = 200): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(branches.length / count));
  for (let i = 0; out.length < count && i < branches.length; i += step) {
    const b = branches[i]!;
    const street = b.address.street.replace(/^\S+\s/, '');
    switch (out.length % 6) {
      case 0:
        out.push(b.postalCode);
        break;
      case 1:
        out.push(b.postalCode.slice(0, 4));
        break;
      case 2:
        out.push(b.address.city.toUpperCase());
        break;
      case 3:
        out.push(`${street} ${b.address.house.split(',')[0]} ${b.address.city}`);
        break;
      case 4:
        out.push(`${b.address.city} ${street}`.toLowerCase().replace(/ё/g, 'е'));
        break;
      default:
        out.push('saratov');
    }
  }
  return out;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

function time(
  name: string,
  queries: readonly string[],
  search: (q: string) => unknown,
  rounds: number,
): LatencyRow {
  const samples: number[] = [];
  for (const q of queries) search(q); // warm up the JIT on every query once
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      search(q);
      samples.push(performance.now() - t);
    }
  }
  samples.sort((a, b) => a - b);
  return { name, median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

export function searchLatency(branches: readonly Branch[]): {
  rows: LatencyRow[];
  queries: number;
} {
  const queries = queriesFor(branches);
  const index = new SearchIndex(branches);
  const ours = time('search index (ours)', queries, (q) => index.search(q, { limit: 10 }), 5);
  // The baseline: every branch's text normalised once up front (to be fair), then scanned per query.
  const texts = branches.map((b) => normalize(`${b.postalCode} ${b.address.full} ${b.name}`));
  const scan = time(
    'linear scan of 40k branches',
    queries,
    (q) => {
      const ws = words(q);
      const hits: number[] = [];
      for (let i = 0; i < texts.length && hits.length < 10; i++)
        if (ws.every((w) => texts[i]!.includes(w))) hits.push(i);
      return hits;
    },
    1,
  );
  return { rows: [ours, scan], queries: queries.length };
}
