/**
 * The proxy's error answers (contract): RFC 9457 problem documents, `application/problem+json`.
 * The proxy makes them (proxy/src/errors.ts), Storybook's mocked proxy too, and the widget reads
 * their `detail`.
 */

/** One invalid input, named by where it came from (`query.bbox`, `params.id`). */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  /** `/problems/<code>`, the code a stable slug such as `invalid-parameter`. */
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Token required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Changed since read',
  413: 'Request too large',
  415: 'Unsupported media type',
  428: 'If-Match required',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Upstream failed',
  503: 'Not ready',
  504: 'Upstream timed out',
};

/** The document for a status, a stable code and a sentence that says what to do. */
export function problemDocument(
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): ProblemDocument {
  return {
    type: `/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}
