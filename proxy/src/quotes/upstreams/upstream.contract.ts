/**
 * The contract every upstream passes, run against the fake Russian Post (a real HTTP server on a
 * random port, answering Russian Post's real answers). An upstream's test file calls
 * `upstreamContract` with a factory and its samples; the same behaviours are then checked for each.
 */
import { describe, expect, it } from 'vitest';
import { realAnswer, startFakePochta, type FakePochtaOptions } from '../fake-pochta.fixture';
import type { QuoteRequest } from '../quote-request';
import { sampleRequest } from '../quote-request.fixture';
import { CircuitBreaker } from './circuit-breaker';
import type { PochtaUpstreamOptions } from './pochta-upstream';
import { UpstreamFailure, UpstreamRejection } from './upstream-errors';
import type { Upstream } from './upstream';

/** A real answer and what the upstream must read from it. */
export interface UpstreamSample<A> {
  /** What it is, for the test's title. */
  title: string;
  /** The answer's bytes, as the fake sends them. */
  body: string;
  request?: Partial<QuoteRequest>;
  expected: A;
}

/** How to make the upstream under test, and what it must read. */
export interface UpstreamContractOptions<A> {
  create(options: PochtaUpstreamOptions): Upstream<A>;
  /** The path it asks, such as `/v2/calculate/tariff`. */
  path: string;
  /** Which fake answer the samples replace: the fake's `tariff` or `delivery` body. */
  answers: 'tariff' | 'delivery';
  samples: readonly UpstreamSample<A>[];
}

/** Defines the contract's tests for one upstream. */
export function upstreamContract<A>(name: string, options: UpstreamContractOptions<A>): void {
  /** A fake of its own and an upstream pointed at it, with a fresh breaker. */
  const setup = async (fake: FakePochtaOptions = {}, timeoutMs = 2000) => {
    const server = await startFakePochta(fake);
    const upstream = options.create({ url: server.url, timeoutMs, breaker: new CircuitBreaker() });
    return { server, upstream };
  };
  const failure = async (upstream: Upstream<A>) => {
    const error = await upstream.ask(sampleRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailure);
    return error as UpstreamFailure;
  };

  describe(`upstream contract: ${name}`, () => {
    it.each(options.samples)('reads $title', async (sample) => {
      const { upstream } = await setup({ [options.answers]: sample.body });
      expect(await upstream.ask(sampleRequest(sample.request))).toEqual(sample.expected);
    });

    it('asks its documented path with the object code, postal codes and a YYYYMMDD date', async () => {
      const { server, upstream } = await setup();
      await upstream.ask(sampleRequest({ value: 100 }));
      const call = server.calls.at(-1)!;
      expect(call.path).toBe(options.path);
      expect(Object.fromEntries(call.query)).toMatchObject({
        object: '23020',
        from: '344038',
        to: '115162',
        date: '20270310',
        errorcode: '0',
      });
    });

    it.each([
      ['answers HTTP 500', 'error500', 'http'],
      ['answers something not JSON', 'garbage', 'bad-response'],
      ['drops the connection', 'drop', 'network'],
    ] as const)('fails with UpstreamFailure when Russian Post %s', async (_, mode, kind) => {
      const { upstream } = await setup({ mode });
      expect(await failure(upstream)).toMatchObject({ kind, upstream: upstream.name });
    });

    it('fails with UpstreamFailure when Russian Post does not answer in time', async () => {
      const { upstream } = await setup({ mode: 'slow' }, 200);
      expect(await failure(upstream)).toMatchObject({ kind: 'timeout' });
    });

    it('fails with UpstreamFailure for JSON without the figures it needs', async () => {
      const { upstream } = await setup({ [options.answers]: '{"version_api":2}' });
      expect(await failure(upstream)).toMatchObject({ kind: 'bad-response' });
    });

    it('never puts the upstream’s body into the error', async () => {
      const { upstream } = await setup({ mode: 'error500' });
      expect((await failure(upstream)).message).not.toMatch(/html|ru\.pochta/);
    });

    it('rejects with UpstreamRejection for Russian Post’s errors[], naming the field', async () => {
      const { upstream } = await setup({
        mode: 'errors',
        errors: [{ code: 1207, msg: 'Почтовый индекс не существует (to)' }],
      });
      const error = await upstream.ask(sampleRequest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamRejection);
      expect(error).toMatchObject({
        code: 'unknown-postal-code',
        status: 400,
        errors: [{ field: 'query.to', message: '115162 is not a postal code Russian Post knows' }],
      });
    });

    it('rejects Russian Post’s real error answer (1301, HTTP 200) as the client’s error', async () => {
      const { upstream } = await setup({
        [options.answers]: realAnswer('tariff-v1-error-1301-from-missing-1'),
      });
      const error = await upstream.ask(sampleRequest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamRejection);
      expect(error).toMatchObject({ code: 'invalid-parameter', status: 400, upstreamCode: 1301 });
    });

    it('fails with UpstreamFailure for Russian Post’s internal errors (codes from 5000)', async () => {
      const { upstream } = await setup({ mode: 'errors', errors: [{ code: 5001, msg: 'Ошибка' }] });
      expect(await failure(upstream)).toMatchObject({ kind: 'bad-response' });
    });

    it('stops asking while its circuit is open, and shows it', async () => {
      const { server, upstream } = await setup({ mode: 'error500' });
      for (let i = 0; i < 5; i++) await upstream.ask(sampleRequest()).catch(() => undefined);
      expect(upstream.circuit).toBe('open');
      const calls = server.calls.length;
      expect(await failure(upstream)).toMatchObject({ kind: 'circuit-open' });
      expect(server.calls.length).toBe(calls);
    });
  });
}
