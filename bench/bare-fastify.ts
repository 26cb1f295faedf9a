/**
 * The throughput baseline: a bare Fastify route answering a fixed quote-sized JSON body, nothing
 * else (no validation, no cache, no hooks). Run as its own process by the bench: PORT.
 */
import Fastify from 'fastify';

const body = {
  service: 'parcel-online',
  cost: { amount: 50.4, currency: 'RUB', vat: 8.4 },
  carrierCost: { amount: 50.4, currency: 'RUB', vat: 8.4 },
  delivery: { minDays: 4, maxDays: 4, deadline: '2022-10-10T23:59:00' },
  source: 'pochta',
  stale: false,
  answeredAt: '2026-11-29T12:00:00.000Z',
};
const app = Fastify({ logger: false });
app.get('/api/v1/quote', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
