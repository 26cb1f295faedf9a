/**
 * One GET to an upstream, the resilient way: a timeout per call, one retry with jitter when the
 * network failed fast (a refused or reset connection, not a timeout: a slow host would only be asked
 * to be slow twice), and the upstream's circuit breaker around it all.
 */
import type { CircuitBreaker } from './circuit-breaker';
import { UpstreamFailure } from './upstream-errors';

/** How one attempt ended, for the latency histogram. */
export type AttemptOutcome = 'ok' | 'error' | 'timeout';

/** How to call one upstream. */
export interface HttpOptions {
  /** Per attempt (UPSTREAM_TIMEOUT_MS). */
  timeoutMs: number;
  /** The upstream's own breaker. */
  breaker: CircuitBreaker;
  /** Observes each attempt: seconds taken and how it ended. */
  observe?: (seconds: number, outcome: AttemptOutcome) => void;
}

/** Retry waits 50–150 ms: long enough to outlast a blip, short enough for a buyer. */
const RETRY_BASE_MS = 50;
const RETRY_JITTER_MS = 100;

async function attempt(url: string, upstream: string, options: HttpOptions): Promise<unknown> {
  const started = performance.now();
  const done = (outcome: AttemptOutcome) =>
    options.observe?.((performance.now() - started) / 1000, outcome);
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      done('timeout');
      throw new UpstreamFailure(upstream, 'timeout', `no answer in ${options.timeoutMs} ms`, {
        cause: error,
      });
    }
    done('error');
    throw new UpstreamFailure(
      upstream,
      'network',
      `cannot be reached (${(error as Error).message})`,
      { cause: error },
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    done(timedOut ? 'timeout' : 'error');
    throw new UpstreamFailure(upstream, timedOut ? 'timeout' : 'network', 'the answer broke off', {
      cause: error,
    });
  }
  if (response.status >= 500) {
    done('error');
    throw new UpstreamFailure(upstream, 'http', `answered HTTP ${response.status}`);
  }
  try {
    const body = JSON.parse(text) as unknown;
    done('ok');
    return body;
  } catch (error) {
    done('error');
    throw new UpstreamFailure(
      upstream,
      'bad-response',
      `answered HTTP ${response.status} with something not JSON`,
      { cause: error },
    );
  }
}

/**
 * GETs JSON from `upstream` (named in errors) through its breaker; throws UpstreamFailure. 4xx bodies
 * are returned: they carry errors[].
 */
export async function getJson(
  url: string,
  upstream: string,
  options: HttpOptions,
): Promise<unknown> {
  if (!options.breaker.allow()) {
    throw new UpstreamFailure(upstream, 'circuit-open', 'failing; not asked again for a while');
  }
  try {
    let result: unknown;
    try {
      result = await attempt(url, upstream, options);
    } catch (error) {
      if (!(error instanceof UpstreamFailure) || error.kind !== 'network') throw error;
      await new Promise((resolve) =>
        setTimeout(resolve, RETRY_BASE_MS + Math.random() * RETRY_JITTER_MS),
      );
      result = await attempt(url, upstream, options);
    }
    options.breaker.success();
    return result;
  } catch (error) {
    options.breaker.failure();
    throw error;
  }
}
