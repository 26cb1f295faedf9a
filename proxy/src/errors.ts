/**
 * The proxy's one error type. Everything a client sees of an error goes through `toJSON()`, an
 * RFC 9457 problem document; the `cause` (an upstream body, a stack) stays in the logs.
 */

/** One invalid input, named by where it came from (`query.bbox`, `params.id`). */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Upstream failed',
  503: 'Not ready',
  504: 'Upstream timed out',
};

export class HttpProblem extends Error {
  readonly status: number;
  /** A stable, machine-readable slug such as `invalid-parameter`; the `type` URI ends with it. */
  readonly code: string;
  readonly detail: string;
  readonly errors?: FieldError[];

  constructor(
    status: number,
    code: string,
    detail: string,
    options: { errors?: FieldError[]; cause?: unknown } = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.detail = detail;
    if (options.errors) this.errors = options.errors;
  }

  /** What a client may see: never the cause. */
  toJSON(): ProblemDocument {
    return {
      type: `/problems/${this.code}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
