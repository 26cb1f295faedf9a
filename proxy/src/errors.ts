/**
 * The proxy's one error type. Everything a client sees of an error goes through `toJSON()`, an
 * RFC 9457 problem document; the `cause` (an upstream body, a stack) stays in the logs.
 */

import { problemDocument, type FieldError, type ProblemDocument } from '#core/problem';

export { PROBLEM_CONTENT_TYPE, type FieldError, type ProblemDocument } from '#core/problem';

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
    return problemDocument(this.status, this.code, this.detail, this.errors);
  }
}
