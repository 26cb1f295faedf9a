/**
 * Time from navigation to the first clusters on screen, in headless Chromium, for our widget against a
 * plain MapLibre page that loads the same branches as a clustered GeoJSON source, in the same run, on
 * the same basemap, from the same machine. Each page runs in a fresh browser context (cold cache),
 * alternating, and the medians are compared.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import type { Branch } from '#core/branch';
import { defaultQuoteConfig } from '../proxy/src/config';
import { createServer as createProxy } from '../proxy/src/server';
import { ROOT } from '../scripts/fingerprint';
import { toGeoJson } from './transport.bench';
import { median } from './median';

const VIEWPORT = { width: 1000, height: 700 };
const RUSSIA_BOUNDS = [
  [27, 41],
  [179, 72],
];

const ours = (
  proxy: string,
) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body{margin:0}branch-picker{height:100vh}</style>
<script src="${proxy}/widget/branch-picker.js" async></script>
<branch-picker></branch-picker>
<script>
  document.querySelector('branch-picker').addEventListener('branch-picker-ready', () => { window.firstClusters = performance.now(); });
</script>`;

// The baseline does what a site would do with MapLibre alone: a GeoJSON source with cluster: true,
// a circle layer and a count label, on the same basemap style.
const baseline = (
  proxy: string,
  data = '/branches.geojson',
) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="/lib/maplibre-gl.css">
<style>body{margin:0}#map{height:100vh}</style>
<div id="map"></div>
<script type="module">
  import * as maplibregl from '/lib/maplibre-gl.mjs';
  const styleUrl = '${proxy}/basemap/style.json';
  const style = await (await fetch(styleUrl)).json();
  const abs = (u) => new URL(u, styleUrl).href.replace(/%7B/g, '{').replace(/%7D/g, '}');
  for (const s of Object.values(style.sources)) if (s.tiles) s.tiles = s.tiles.map(abs);
  for (const faces of Object.values(style['font-faces'])) for (const f of faces) f.url = abs(f.url);
  const map = new maplibregl.Map({ container: 'map', style, bounds: ${JSON.stringify(RUSSIA_BOUNDS)}, fitBoundsOptions: { padding: 16 } });
  map.on('load', () => {
    map.addSource('branches', { type: 'geojson', data: '${data}', cluster: true, clusterRadius: 60 });
    map.addLayer({ id: 'clusters', type: 'circle', source: 'branches', paint: { 'circle-color': '#0a5bd3', 'circle-radius': ['step', ['get', 'point_count'], 16, 100, 22, 1000, 28] } });
    map.addLayer({ id: 'counts', type: 'symbol', source: 'branches', filter: ['has', 'point_count'], layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['PT Sans Bold'], 'text-size': 13 }, paint: { 'text-color': '#fff' } });
    const done = () => { if (map.isSourceLoaded('branches') && map.querySourceFeatures('branches').length) { window.firstClusters = performance.now(); map.off('idle', done); } };
    map.on('idle', done);
  });
</script>`;

/** How many branches the second baseline draws: MapLibre's own start-up, next to nothing to load. */
export const SMALL_BASELINE_POINTS = 1000;

function startHost(proxy: string, geojson: Buffer, small: Buffer): Promise<Server> {
  const lib = path.join(ROOT, 'node_modules/maplibre-gl/dist');
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://host');
      const pages: Record<string, () => string> = {
        '/ours.html': () => ours(proxy),
        '/baseline.html': () => baseline(proxy),
        '/small.html': () => baseline(proxy, '/small.geojson'),
      };
      if (pages[url.pathname]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(pages[url.pathname]!());
      } else if (url.pathname === '/branches.geojson' || url.pathname === '/small.geojson') {
        res.writeHead(200, { 'content-type': 'application/geo+json', 'content-encoding': 'br' });
        res.end(url.pathname === '/small.geojson' ? small : geojson);
      } else if (url.pathname.startsWith('/lib/') && /^[\w.-]+$/.test(url.pathname.slice(5))) {
        const type = url.pathname.endsWith('.css') ? 'text/css' : 'text/javascript';
        res.writeHead(200, { 'content-type': type });
        res.end(await readFile(path.join(lib, url.pathname.slice(5))));
      } else {
        res.writeHead(404).end();
      }
    })();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface FirstClustersResult {
  runs: number;
  ours: number[];
  baseline: number[];
  /** MapLibre with SMALL_BASELINE_POINTS points: how long a map takes to start at all. */
  small: number[];
  oursMedian: number;
  baselineMedian: number;
  smallMedian: number;
}

export async function firstClusters(
  branches: readonly Branch[],
  runs: number,
): Promise<FirstClustersResult> {
  const proxy: FastifyInstance = await createProxy({
    distDir: path.join(ROOT, 'dist'),
    publicDir: path.join(ROOT, 'public'),
    database: ':memory:',
    databaseUrl: null,
    basemapPmtiles: null,
    seed: () => branches,
    reloadIntervalMs: 0,
    embed: { allowedOrigins: [], returnUrls: [], defaultSender: null },
    sync: null,
    logger: false,
    trustProxy: false,
    quotes: { ...defaultQuoteConfig(), mode: 'estimate' },
    rateLimits: { quotes: 0, lookups: 0, network: 0, configs: 0, 'config-create': 0 },
  });
  await proxy.branches.current.compressed;
  const proxyOrigin = (await proxy.listen({ port: 0, host: '127.0.0.1' })).replace(
    'localhost',
    '127.0.0.1',
  );
  const geojson = brotliCompressSync(
    toGeoJson(branches, (b) => ({ id: b.id, type: b.type })),
    {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    },
  );
  const every = Math.max(1, Math.floor(branches.length / SMALL_BASELINE_POINTS));
  const small = brotliCompressSync(
    toGeoJson(branches.filter((_, i) => i % every === 0).slice(0, SMALL_BASELINE_POINTS), (b) => ({
      id: b.id,
      type: b.type,
    })),
  );
  const host = await startHost(proxyOrigin, geojson, small);
  const { port } = host.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  const result: FirstClustersResult = {
    runs,
    ours: [],
    baseline: [],
    small: [],
    oursMedian: 0,
    baselineMedian: 0,
    smallMedian: 0,
  };
  try {
    const measure = async (page: string): Promise<number> => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${port}/${page}`);
      const ms = await tab.waitForFunction(
        () => (window as unknown as { firstClusters?: number }).firstClusters,
        null,
        {
          timeout: 60_000,
        },
      );
      const value = (await ms.jsonValue()) as number;
      await context.close();
      return value;
    };
    // One unmeasured round warms the proxy's and the OS's caches for both pages alike.
    await measure('ours.html');
    await measure('baseline.html');
    await measure('small.html');
    const pages = ['ours', 'baseline', 'small'] as const;
    for (let i = 0; i < runs; i++) {
      // Rotate which page goes first, so none always meets a busier machine.
      for (let k = 0; k < pages.length; k++) {
        const which = pages[(i + k) % pages.length]!;
        result[which].push(await measure(`${which}.html`));
      }
    }
  } finally {
    await browser.close();
    host.close();
    await proxy.close();
  }
  result.oursMedian = median(result.ours);
  result.baselineMedian = median(result.baseline);
  result.smallMedian = median(result.small);
  return result;
}
