/**
 * A fake of Russian Post's tariff and delivery-time calculators for tests: a real HTTP server on a
 * random port that answers with Russian Post's real answers (`upstreams/fixtures/`, byte for byte),
 * and can be told to be slow, fail with 500, answer garbage, answer `errors[]`, or drop the
 * connection. Each test starts its own (`await startFakePochta({...})`). Test code only.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/** How the fake answers: as Russian Post does, slowly, 500, garbage, `errors[]`, or not at all. */
export type FakeMode = 'ok' | 'slow' | 'error500' | 'garbage' | 'errors' | 'drop';

const FIXTURES = path.join(import.meta.dirname, 'upstreams', 'fixtures');

/** A real answer of Russian Post, as its bytes. */
export const realAnswer = (name: string): string =>
  readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');

/** Бандероль простая 100 g, 344038 → 115162: 42.00 ₽, 50.40 ₽ with VAT (tariff only, 2022-09-26). */
export const TARIFF_3000 = realAnswer('tariff-v2-tariff-3000-ok-1');
/**
 * The same parcel priced with its delivery time (2022-10-06): 4 days, deadline 2022-10-10 23:59. No
 * raw answer of `/v2/calculate/delivery` alone is known; this combined one carries the same
 * top-level `delivery` object, so the fake answers it there.
 */
export const TARIFF_DELIVERY_3000 = realAnswer('tariff-v2-tariffdelivery-3000-ok-1');

/** How a fake starts; everything has a default. */
export interface FakePochtaOptions {
  mode?: FakeMode;
  /** Delay of every answer in ms (mode `slow` waits this plus 10 s). */
  delayMs?: number;
  /** Error list for mode `errors`. */
  errors?: { code: number; msg: string; type?: number }[];
  /** Body of `/v2/calculate/tariff` in mode `ok`. Default TARIFF_3000. */
  tariff?: string;
  /** Body of `/v2/calculate/delivery` in mode `ok`. Default TARIFF_DELIVERY_3000. */
  delivery?: string;
}

/** The fake server. Its fields may be changed while it runs (a benchmark keeps one for a run). */
export class FakePochta {
  mode: FakeMode;
  errors: { code: number; msg: string; type?: number }[];
  delayMs: number;
  tariffBody: string;
  deliveryBody: string;
  calls: { path: string; query: URLSearchParams }[] = [];
  url = '';
  private readonly server: Server;

  constructor(options: FakePochtaOptions = {}) {
    this.mode = options.mode ?? 'ok';
    this.errors = options.errors ?? [
      { code: 1207, msg: 'Почтовый индекс не существует (to)', type: 3 },
    ];
    this.delayMs = options.delayMs ?? 0;
    this.tariffBody = options.tariff ?? TARIFF_3000;
    this.deliveryBody = options.delivery ?? TARIFF_DELIVERY_3000;
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      this.calls.push({ path: url.pathname, query: url.searchParams });
      const answer = () => {
        switch (this.mode) {
          case 'drop':
            req.socket.destroy();
            return;
          case 'error500':
            res
              .writeHead(500, { 'content-type': 'text/html' })
              .end('<html>Internal Server Error at ru.pochta.Tariff.calc()</html>');
            return;
          case 'garbage':
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"pay": 42, "paynds":');
            return;
          case 'errors':
            res
              .writeHead(200, { 'content-type': 'application/json' })
              .end(JSON.stringify({ caption: 'Ошибки тарификации', errors: this.errors }));
            return;
          default:
            // The headers Russian Post sends (real-samples README, item 2): no caching headers.
            res
              .writeHead(200, {
                'content-type': 'application/json;charset=utf-8',
                'access-control-allow-origin': '*',
              })
              .end(url.pathname.endsWith('/delivery') ? this.deliveryBody : this.tariffBody);
        }
      };
      const delay = this.mode === 'slow' ? this.delayMs + 10_000 : this.delayMs;
      if (delay > 0) {
        const timer = setTimeout(answer, delay);
        req.socket.once('close', () => clearTimeout(timer));
      } else {
        answer();
      }
    });
  }

  /** Calls so far to a path ending with `suffix` (`/tariff`, `/delivery`). */
  callsTo(suffix: string): number {
    return this.calls.filter((c) => c.path.endsWith(suffix)).length;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A started fake, stopped when the current test ends. */
export async function startFakePochta(options: FakePochtaOptions = {}): Promise<FakePochta> {
  const { onTestFinished } = await import('vitest');
  const fake = await new FakePochta(options).start();
  onTestFinished(() => fake.stop());
  return fake;
}
