/**
 * A circuit breaker per upstream: after `failureThreshold` failures in a row it opens and calls fail
 * at once for `cooldownMs` (no waiting on a dead host); then one trial call goes through (half-open):
 * success closes it, failure opens it again.
 *
 * Ours, not cockatiel's: cockatiel 3.2 makes calls during the trial wait for it instead of failing fast
 * (a buyer would wait for the timeout, not get the stale answer), reports `Open` past the cool-down
 * until a call arrives, and reads only `Date.now()`.
 */

/** Five failures in a row open the circuit for 30 s. */
export const defaultBreakerOptions = {
  /** Consecutive failures that open the circuit. */
  failureThreshold: 5,
  /** How long an open circuit refuses calls before letting one try. */
  cooldownMs: 30_000,
};

/** Thresholds of a breaker. */
export type BreakerOptions = typeof defaultBreakerOptions;
/** `closed`: calls go out; `open`: they fail at once; `half-open`: one trial may go out. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** One upstream's breaker; `allow()` before a call, then `success()` or `failure()`. */
export class CircuitBreaker {
  private readonly options: BreakerOptions;
  private failures = 0;
  private openedAt = 0;
  private trial = false;
  private stateValue: BreakerState = 'closed';
  private readonly now: () => number;

  constructor(options: Partial<BreakerOptions> = {}, now: () => number = Date.now) {
    this.options = { ...defaultBreakerOptions, ...options };
    this.now = now;
  }

  /** The state now: an open circuit past its cool-down reads `half-open`. */
  get state(): BreakerState {
    if (this.stateValue === 'open' && this.now() - this.openedAt >= this.options.cooldownMs)
      return 'half-open';
    return this.stateValue;
  }

  /** Whether a call may go out now; in half-open, only one at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'half-open' && !this.trial) {
      this.trial = true;
      return true;
    }
    return false;
  }

  /** The call succeeded: closes the circuit. */
  success(): void {
    this.failures = 0;
    this.trial = false;
    this.stateValue = 'closed';
  }

  /** The call failed: counts towards opening, or reopens after a failed trial. */
  failure(): void {
    this.trial = false;
    this.failures++;
    if (this.stateValue !== 'closed' || this.failures >= this.options.failureThreshold) {
      this.stateValue = 'open';
      this.openedAt = this.now();
    }
  }
}
