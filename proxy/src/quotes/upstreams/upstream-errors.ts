/**
 * What goes wrong upstream, in two kinds. An UpstreamFailure is the upstream's fault (unreachable,
 * slow, 5xx, garbage): served from a stale cache or the estimator, else 502/504. An
 * UpstreamRejection is Russian Post saying no to this request (`errors[]`: an unknown postal code, an
 * impossible route, too heavy): the client's answer, cached briefly. Neither carries the upstream's
 * body to a client.
 */
import type { FieldError } from '../../errors';

/** How an upstream failed. */
export type FailureKind = 'network' | 'timeout' | 'http' | 'bad-response' | 'circuit-open';

/** The upstream's fault: answered from older answers or the estimator, else 502/504. */
export class UpstreamFailure extends Error {
  readonly kind: FailureKind;
  readonly upstream: string;
  constructor(
    upstream: string,
    kind: FailureKind,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${upstream}: ${message}`, options);
    this.name = 'UpstreamFailure';
    this.kind = kind;
    this.upstream = upstream;
  }
}

/** What Russian Post refused, as the client's problem code. */
export type RejectionCode =
  'unknown-postal-code' | 'route-impossible' | 'weight-over-limit' | 'invalid-parameter';

/** Russian Post's no to this request: the client's answer, with the field it concerns. */
export class UpstreamRejection extends Error {
  readonly code: RejectionCode;
  readonly status: number;
  readonly errors: FieldError[];
  /** Russian Post's own error code, for logs. */
  readonly upstreamCode: number;
  constructor(
    code: RejectionCode,
    status: number,
    detail: string,
    errors: FieldError[],
    upstreamCode: number,
  ) {
    super(detail);
    this.name = 'UpstreamRejection';
    this.code = code;
    this.status = status;
    this.errors = errors;
    this.upstreamCode = upstreamCode;
  }
}

interface PochtaError {
  code?: number;
  msg?: string;
}

/**
 * Russian Post's error codes (post-calculator-api.pdf appendix 13, via PochtaSdk ErrorCode) to what a
 * client can act on. The message says "(from)" or "(to)" when it concerns a postal code.
 */
export function rejectionFor(
  errors: readonly PochtaError[],
  request: { from: string; to: string; weight: number },
): UpstreamRejection | null {
  const first = errors[0];
  if (!first) return null;
  const code = Number(first.code ?? 0);
  const msg = String(first.msg ?? '');
  const which = /\(to\)|получател|назначени/i.test(msg)
    ? 'to'
    : /\(from\)|отправител|приема/i.test(msg)
      ? 'from'
      : null;
  switch (code) {
    case 1207: {
      const field = which ?? 'to';
      const value = field === 'to' ? request.to : request.from;
      return new UpstreamRejection(
        'unknown-postal-code',
        400,
        `Russian Post knows no postal code ${value} (${field}).`,
        [{ field: `query.${field}`, message: `${value} is not a postal code Russian Post knows` }],
        code,
      );
    }
    case 1209:
    case 1202:
    case 1204:
    case 2002:
    case 2005:
      return new UpstreamRejection(
        'route-impossible',
        422,
        `Russian Post cannot deliver this service from ${request.from} to ${request.to}.`,
        [{ field: 'query.to', message: 'cannot be reached from the sender with this service' }],
        code,
      );
    case 2003:
      return new UpstreamRejection(
        'weight-over-limit',
        400,
        `Russian Post refuses ${request.weight} g for this service.`,
        [{ field: 'query.weight', message: 'is over the limit for this service' }],
        code,
      );
    default:
      if (code >= 5000) return null; // internal upstream errors are failures, not the client's fault
      return new UpstreamRejection(
        'invalid-parameter',
        400,
        `Russian Post refused the request (code ${code}).`,
        [],
        code,
      );
  }
}

/**
 * Throws when an answer carries `errors[]`: the client's UpstreamRejection, or an UpstreamFailure for
 * Russian Post's internal errors (codes from 5000), which are not the client's fault.
 */
export function throwOnErrors(
  upstream: string,
  body: { errors?: unknown },
  request: { from: string; to: string; weight: number },
): void {
  if (!Array.isArray(body.errors) || !body.errors.length) return;
  const errors = body.errors as PochtaError[];
  const rejection = rejectionFor(errors, request);
  if (rejection) throw rejection;
  throw new UpstreamFailure(
    upstream,
    'bad-response',
    `reported an internal error ${String(errors[0]!.code)}`,
  );
}
