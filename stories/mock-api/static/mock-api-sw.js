/**
 * The mocked proxy for Storybook: a service worker answering `/mock-api/<scenario>/…` from the
 * generated fixtures (stories/mock-api/generate.ts), in the proxy's own formats, so that stories
 * never touch the network. A service worker, not a patched `fetch`, because the picker's cluster
 * worker fetches the network itself and a service worker answers it too.
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
const DATA_URL = '/mock-api-data.json';
let data;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  const match = /^\/mock-api\/([a-z-]+)\/(.*)$/.exec(url.pathname);
  if (!match) return;
  event.respondWith(answer(match[1], match[2], url));
});

function fixtures() {
  data ??= fetch(DATA_URL).then((r) => r.json());
  return data;
}

function json(body, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': status < 400 ? 'application/json' : 'application/problem+json',
    },
  });
}

function problem(status, title, detail) {
  return json({ type: 'about:blank', title, status, detail }, status);
}

function summary(b) {
  return {
    id: b.id,
    type: b.type,
    name: b.name,
    postalCode: b.postalCode,
    address: { full: b.address.full, city: b.address.city, region: b.address.region },
    location: b.location,
    timezone: b.timezone,
  };
}

function metres(a, b) {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return Math.round(2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h))));
}

async function answer(scenario, rest, url) {
  if (rest.startsWith('basemap/')) return fetch(`/${rest}`);
  if (scenario === 'loading') return new Promise(() => {});
  if (scenario === 'down')
    return problem(503, 'Service Unavailable', 'the mocked proxy is down in this story');
  const { network, branches } = await fixtures();

  if (rest === 'api/v1/branches') return json(network);
  if (rest === 'api/v1/branches/summaries') {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    return json({ results: ids.filter((id) => branches[id]).map((id) => summary(branches[id])) });
  }
  if (rest === 'api/v1/branches/search') return json(search(branches, url.searchParams));
  const one = /^api\/v1\/branches\/([^/]+)$/.exec(rest);
  if (one) {
    const branch = branches[decodeURIComponent(one[1])];
    return branch
      ? json(branch)
      : problem(404, 'Not found', `no branch with id "${decodeURIComponent(one[1])}"`);
  }
  if (rest === 'api/v1/quote') return quote(scenario, url.searchParams);
  return problem(404, 'Not found', `the mocked proxy has no ${url.pathname}`);
}

function search(branches, params) {
  const query = (params.get('q') ?? '').trim();
  const q = query.toLowerCase();
  const limit = Number(params.get('limit') ?? 6);
  const near = params.get('near')?.split(',').map(Number);
  const types = params.get('types')?.split(',') ?? [];
  const all = Object.values(branches).filter((b) => !types.length || types.includes(b.type));
  let hits;
  const places = [];
  if (/^\d+$/.test(q)) {
    hits = all.filter((b) => b.postalCode.startsWith(q));
  } else {
    hits = all.filter(
      (b) => b.name.toLowerCase().includes(q) || b.address.full.toLowerCase().includes(q),
    );
    const towns = new Map();
    for (const b of all) {
      if (!b.address.city.toLowerCase().startsWith(q)) continue;
      const key = `${b.address.city}|${b.address.region}`;
      const town = towns.get(key) ?? {
        name: b.address.city,
        region: b.address.region,
        members: [],
      };
      town.members.push(b.location);
      towns.set(key, town);
    }
    for (const town of [...towns.values()].sort((a, b) => b.members.length - a.members.length)) {
      const lons = town.members.map((m) => m.lon);
      const lats = town.members.map((m) => m.lat);
      places.push({
        name: town.name,
        region: town.region,
        lon: lons.reduce((s, v) => s + v, 0) / lons.length,
        lat: lats.reduce((s, v) => s + v, 0) / lats.length,
        bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
        branches: town.members.length,
      });
      if (places.length === 3) break;
    }
  }
  const results = hits.slice(0, 500).map((b) => ({
    ...summary(b),
    ...(near ? { distance: metres({ lon: near[0], lat: near[1] }, b.location) } : {}),
  }));
  if (near) results.sort((a, b) => a.distance - b.distance);
  return { query, results: results.slice(0, limit), places };
}

function quote(scenario, params) {
  if (scenario === 'quote-down')
    return problem(502, 'Bad Gateway', 'Russian Post did not answer and estimates are off');
  const weight = Number(params.get('weight') ?? 1000);
  const amount = Math.round((296 + (weight / 1000) * 48.5) * 100) / 100;
  const cost = { amount, currency: 'RUB', vat: Math.round((amount / 6) * 100) / 100 };
  const answeredAt =
    scenario === 'stale'
      ? new Date(Date.now() - 2 * 3600_000).toISOString()
      : new Date().toISOString();
  return json({
    source: scenario === 'estimate' ? 'estimate' : 'pochta',
    stale: scenario === 'stale',
    answeredAt,
    service: params.get('service') ?? 'parcel',
    cost,
    carrierCost: cost,
    delivery: { minDays: 2, maxDays: 4 },
  });
}
