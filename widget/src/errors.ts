/**
 * The widget's one error base. Everything that can go wrong has a stable `code` (the
 * `branch-picker-error` event carries it, so a shop can react to it), a sentence for people, and the
 * original error as `cause`. Each kind of failure has its own subclass where it is thrown.
 */
import { ERROR_EVENT, type PickerErrorDetail } from './events';

/** Stable codes of `branch-picker-error` (contract): documented in the README. */
export const ERROR_CODES = [
  'invalid-option',
  'network',
  'timeout',
  'http',
  'not-found',
  'bad-response',
  'map-style',
  'map-load',
  'worker',
  'chunk-load',
  'config',
  'destroyed',
  'unknown',
] as const;
export type PickerErrorCode = (typeof ERROR_CODES)[number];

export class PickerError extends Error {
  readonly code: PickerErrorCode;

  constructor(code: PickerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'PickerError';
    this.code = code;
  }
}

const isCode = (code: unknown): code is PickerErrorCode =>
  (ERROR_CODES as readonly unknown[]).includes(code);

/**
 * The event's detail for any error: ours keep their code (a PickerError, or an error of core's such
 * as OptionError that carries one of ours), anything else is `unknown`.
 */
export function toErrorDetail(error: unknown): PickerErrorDetail {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && isCode(code)) return { code, message: error.message };
  return {
    code: 'unknown',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** A promise the picker's own teardown rejected: nothing went wrong that anyone should hear of. */
export function isTeardown(error: unknown): boolean {
  return (
    (error instanceof PickerError && error.code === 'destroyed') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

/**
 * Fires `branch-picker-error` on the element; when nobody listens (or nobody calls
 * `preventDefault()`), the console hears it too. What the picker's own teardown cut short is not
 * reported.
 */
export function reportError(host: HTMLElement, error: unknown): void {
  if (isTeardown(error)) return;
  const detail = toErrorDetail(error);
  const event = new CustomEvent<PickerErrorDetail>(ERROR_EVENT, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  if (host.dispatchEvent(event))
    console.error(`[branch-picker] ${detail.code}: ${detail.message}`, error);
}
