/**
 * Search latency over the whole network: our index against a plain scan that normalises every
 * branch's fields and checks each query word against them (what a search without an index does),
 * the same queries, the same machine, the same run. Server time: the search call itself.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Branch } from '#core/branch';
import { otherLayout } from '../proxy/src/search/keyboard';
import { SearchIndex } from '../proxy/src/search/search-index';
import { normalize, words } from '../proxy/src/search/text';
import { percentile } from './median';

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

const ALIASES = ['СПб', 'Питер', 'Екб', 'МСК', 'Н. Новгород', 'нн', 'Ростов н/Д'];

/**
 * The queries exact matching cannot answer, drawn the same way: towns with a letter doubled or
 * dropped, towns typed on the other layout (and a street with them), everyday names, and a town
 * with a street it does not have (answered by the town, the street named as left out).
 */
export function hardQueriesFor(branches: readonly Branch[], count = 200): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(branches.length / count));
  for (let i = 0; out.length < count && i < branches.length; i += step) {
    const b = branches[i]!;
    const city = b.address.city;
    const street = b.address.street.replace(/^\S+\s/, '');
    const k = out.length;
    switch (k % 6) {
      case 0:
        out.push(city.slice(0, 3) + city[2] + city.slice(3)); // a letter doubled
        break;
      case 1:
        out.push(city.length > 5 ? city.slice(0, 4) + city.slice(5) : city); // a letter dropped
        break;
      case 2:
        out.push(otherLayout(city.toLowerCase()) ?? city);
        break;
      case 3:
        out.push(otherLayout(`${city} ${street}`.toLowerCase()) ?? city);
        break;
      case 4:
        out.push(ALIASES[k % ALIASES.length]!);
        break;
      default:
        out.push(`${city} Несуществующая`);
    }
  }
  return out;
}

/** Heap the search index of `branches` holds, in MB, measured around its construction. */
export function searchIndexMegabytes(branches: readonly Branch[]): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new SearchIndex(branches);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (!index.search('saratov', { limit: 1 }).length) throw new Error('the index found nothing');
  return (after - before) / 1e6;
}

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
  const hard = hardQueriesFor(branches);
  const index = new SearchIndex(branches);
  const near = { lon: 37.62, lat: 55.75 };
  const find = (q: string) => index.find(q, { limit: 10, near });
  const ours = time('search index (ours), exact words and starts', queries, find, 5);
  const typos = time('search index (ours), typos, layout, aliases, words left out', hard, find, 5);
  const all = time('search index (ours), all of them', [...queries, ...hard], find, 3);
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
  return { rows: [ours, scan, typos, all], queries: queries.length + hard.length };
}
