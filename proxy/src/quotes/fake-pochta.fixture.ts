/**
 * A fake of Russian Post's tariff and delivery-time calculators for tests: a real HTTP server on a
 * random port that answers the documented request with the documented body (the PochtaSdk README
 * trace, shared/research/pochta-apis.md §1.3), and can be told to be slow, fail with 500, answer
 * garbage, answer `errors[]`, or drop the connection. Test code only.
 */
import { createServer, type Server } from 'node:http';

export type FakeMode = 'ok' | 'slow' | 'error500' | 'garbage' | 'errors' | 'drop';

/** The documented body: Бандероль простая 100 g, 344038 → 115162: 42.00 ₽, 50.40 ₽ with VAT, 4 days. */
export const DOCUMENTED_TARIFF = {
  version_api: 2,
  version: '2.14.1.676',
  caption: 'Расчет тарифов, контрольных сроков доставки',
  id: 3000,
  name: 'Бандероль простая',
  weight: 100,
  from: 344038,
  to: 115162,
  date: 20221006,
  items: [
    {
      id: '3173',
      name: 'Пересылка простой бандероли',
      serviceon: [110, 11],
      serviceoff: [53, 57],
      tariff: { val: 4200, valnds: 5040, valmark: 4200 },
    },
  ],
  ground: { val: 4200, valnds: 5040, valmark: 4200 },
  paymark: 4200,
  pay: 4200,
  paynds: 5040,
  ndsrate: 20,
  nds: 840,
  delivery: { min: 4, max: 4, deadline: '20221010T235900' },
  place: 'C5-d01-8',
};

export const DOCUMENTED_DELIVERY = {
  version_api: 2,
  caption: 'Расчет контрольных сроков доставки',
  id: 3000,
  from: 344038,
  to: 115162,
  delivery: { min: 4, max: 4, deadline: '20221010T235900' },
};

export class FakePochta {
  mode: FakeMode = 'ok';
  /** Error body for mode `errors`. */
  errors: { code: number; msg: string; type?: number }[] = [
    { code: 1207, msg: 'Почтовый индекс не существует (to)', type: 3 },
  ];
  /** Delay of every answer in ms (mode `slow` waits this plus 10 s). */
  delayMs = 0;
  calls: { path: string; query: URLSearchParams }[] = [];
  url = '';
  private readonly server: Server;

  constructor() {
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
          default: {
            const body = url.pathname.endsWith('/delivery')
              ? DOCUMENTED_DELIVERY
              : DOCUMENTED_TARIFF;
            res
              .writeHead(200, {
                'content-type': 'application/json;charset=UTF-8',
                'access-control-allow-origin': '*',
              })
              .end(JSON.stringify(body));
          }
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
