/**
 * `npm run bench`: every benchmark, each against its baseline in the same run, as ratios (these
 * 2-core machines are noisy; absolute figures drift from run to run). Needs `npm run build` first
 * (the widget and basemap are measured as built). RUNS sets the page loads per side (default 7).
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { generateDemoNetwork } from '../proxy/src/branches/demo/generate';
import { ROOT } from '../scripts/fingerprint';
import { firstClusters, SMALL_BASELINE_POINTS } from './first-clusters.bench';
import { widgetSizes } from './widget-size.bench';
import { quoteThroughput } from './quote-throughput.bench';
import { searchIndexMegabytes, searchLatency } from './search.bench';
import { transportSizes } from './transport.bench';

const KB = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
const MS = (n: number): string => `${n.toFixed(0)} ms`;

/** Budgets from DESIGN.md. */
const TRANSPORT_BUDGET = 300 * 1024;
const FIRST_CLUSTERS_BUDGET_MS = 1500;
/** DESIGN.md: first clusters in at most half the plain MapLibre page's time, in every run. */
const FIRST_CLUSTERS_RATIO_BUDGET = 0.5;
const SEARCH_BUDGET_MS = 2;
const SEARCH_P95_BUDGET_MS = 5;
const QUOTE_RPS_BUDGET = 10_000;
const QUOTE_P99_BUDGET_MS = 20;
/** Ours at least this share of the bare route's requests per second, in the same run. */
const QUOTE_RATIO_BUDGET = 0.8;

await access(path.join(ROOT, 'dist/widget/branch-picker.js')).catch(() => {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
});

const branches = generateDemoNetwork();
console.log(`network: ${branches.length} branches (demo)\n`);

console.log('1. The whole network on the wire');
const rows = transportSizes(branches);
console.log('| encoding | raw | gzip | brotli |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${KB(r.raw)} | ${KB(r.gzip)} | ${KB(r.brotli)} |`);
const [ours, same] = rows;
console.log(
  `\ncompact brotli is ${((ours!.brotli / same!.brotli) * 100).toFixed(0)}% of GeoJSON with the same fields ` +
    `(${(same!.brotli / ours!.brotli).toFixed(1)}× smaller); budget ${KB(TRANSPORT_BUDGET)}: ` +
    `${ours!.brotli <= TRANSPORT_BUDGET ? 'within' : 'OVER'}\n`,
);

console.log('1b. What a page downloads before MapLibre, gzipped');
const sizes = await widgetSizes();
console.log('| file | gzip | budget |\n|---|---:|---:|');
for (const r of sizes)
  console.log(
    `| ${r.name} | ${(r.gzip / 1024).toFixed(1)} KB | ${(r.budget / 1024).toFixed(0)} KB ${r.gzip <= r.budget ? 'within' : 'OVER'} |`,
  );
console.log('');

console.log('2. Search, server time per query over the whole network');
const search = searchLatency(branches);
console.log(
  `${search.queries} queries: postal codes, their starts, towns, streets with houses, ё/е, Latin; ` +
    `misspelt towns, towns and streets on the wrong layout, everyday names, a street a town lacks\n`,
);
console.log('| search | median | p95 |\n|---|---:|---:|');
for (const r of search.rows)
  console.log(`| ${r.name} | ${r.median.toFixed(3)} ms | ${r.p95.toFixed(3)} ms |`);
const [index, scan, , all] = search.rows;
console.log(
  `\nindex median is ${(scan!.median / index!.median).toFixed(0)}× faster than the scan; all queries: ` +
    `median ${all!.median <= SEARCH_BUDGET_MS ? 'within' : 'OVER'} ${SEARCH_BUDGET_MS} ms, ` +
    `p95 ${all!.p95 <= SEARCH_P95_BUDGET_MS ? 'within' : 'OVER'} ${SEARCH_P95_BUDGET_MS} ms; ` +
    `the index holds ${searchIndexMegabytes(branches).toFixed(1)} MB of heap\n`,
);

const runs = Number(process.env.RUNS ?? 7);
console.log(
  `3. Navigation to first clusters on screen, headless Chromium, ${runs} cold loads each`,
);
const fc = await firstClusters(branches, runs);
console.log('| page | median | runs |\n|---|---:|---|');
console.log(
  `| <branch-picker> (ours) | ${MS(fc.oursMedian)} | ${fc.ours.map((x) => x.toFixed(0)).join(', ')} |`,
);
console.log(
  `| MapLibre + clustered GeoJSON | ${MS(fc.baselineMedian)} | ${fc.baseline.map((x) => x.toFixed(0)).join(', ')} |`,
);
console.log(
  `| MapLibre + ${SMALL_BASELINE_POINTS} points (its own start-up) | ${MS(fc.smallMedian)} | ${fc.small.map((x) => x.toFixed(0)).join(', ')} |`,
);
const ratio = fc.oursMedian / fc.baselineMedian;
console.log(
  `\nours / baseline = ${ratio.toFixed(2)} (budget ${FIRST_CLUSTERS_RATIO_BUDGET}: ${ratio <= FIRST_CLUSTERS_RATIO_BUDGET ? 'within' : 'OVER'}); ` +
    `ours is ${MS(fc.oursMedian - fc.smallMedian)} (${(fc.oursMedian / fc.smallMedian).toFixed(2)}×) from a map of ${SMALL_BASELINE_POINTS} points; ` +
    `budget ${MS(FIRST_CLUSTERS_BUDGET_MS)}: ${fc.oursMedian <= FIRST_CLUSTERS_BUDGET_MS ? 'within' : 'OVER'}`,
);

console.log('\n4. Cached quotes under load (autocannon, 64 connections, separate processes)');
// Five rounds of 8 s each: shorter rounds swing more with the neighbours.
const tp = await quoteThroughput(Number(process.env.LOAD_SECONDS ?? 40));
console.log(
  '| server | requests/s | p50 | p99 | CPU per request | errors |\n|---|---:|---:|---:|---:|---:|',
);
for (const r of tp.rows)
  console.log(
    `| ${r.name} | ${r.requestsPerSecond} | ${r.p50} ms | ${r.p99} ms | ${r.cpuMicros ?? '–'} µs | ${r.errors} |`,
  );
const [bareRow, oursRow] = tp.rows;
console.log(
  `\nours / bare = ${tp.ratio.toFixed(2)} of the throughput (median of ${tp.rounds.length} rounds: ${tp.rounds.map((r) => r.toFixed(2)).join(', ')}); ` +
    (bareRow.cpuMicros && oursRow.cpuMicros
      ? `bare / ours = ${(bareRow.cpuMicros / oursRow.cpuMicros).toFixed(2)} of the CPU per request; `
      : '') +
    `budget ${QUOTE_RATIO_BUDGET} of the bare route: ${tp.ratio >= QUOTE_RATIO_BUDGET ? 'within' : 'BELOW'}, ` +
    `${QUOTE_RPS_BUDGET} req/s: ${oursRow.requestsPerSecond >= QUOTE_RPS_BUDGET ? 'within' : 'BELOW'}, ` +
    `p99 ${QUOTE_P99_BUDGET_MS} ms: ${oursRow.p99 <= QUOTE_P99_BUDGET_MS ? 'within' : 'OVER'}`,
);
