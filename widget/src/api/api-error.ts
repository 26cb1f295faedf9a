import { PickerError } from '../errors';

/** Stable codes of what can go wrong talking to the proxy. */
export type ApiErrorCode = 'network' | 'timeout' | 'http' | 'not-found' | 'bad-response';

/** A failed request to the proxy: what, where, and the original error as `cause`. */
export class ApiError extends PickerError {
  declare readonly code: ApiErrorCode;
  readonly method: string;
  readonly url: string;
  /** HTTP status when the proxy answered. */
  readonly status?: number;

  constructor(
    code: ApiErrorCode,
    method: string,
    url: string,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(code, `${message} (${method} ${url})`, { cause: options.cause });
    this.name = 'ApiError';
    this.method = method;
    this.url = url;
    if (options.status !== undefined) this.status = options.status;
  }
}
