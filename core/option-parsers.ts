/**
 * Parsers for the element's attributes: each turns the attribute's text into a value or throws an
 * OptionError that names the attribute, the value and what is allowed. Shared by the widget, the
 * configurator and the proxy (which validates saved configurations with them).
 */
import { BRANCH_TYPES, type BranchType } from './branch';

/** An attribute value the element cannot use; the message says what is allowed. */
export class OptionError extends Error {
  /** The widget's error code for it (`branch-picker-error`). */
  readonly code = 'invalid-option' as const;
  readonly attribute: string;
  constructor(attribute: string, value: string, allowed: string) {
    super(`<branch-picker ${attribute}="${value}">: ${allowed}`);
    this.name = 'OptionError';
    this.attribute = attribute;
  }
}

/** One of a list of words, any case. */
export const oneOf =
  <T extends string>(attribute: string, allowed: readonly T[]) =>
  (value: string): T => {
    const v = value.trim().toLowerCase() as T;
    if (!allowed.includes(v))
      throw new OptionError(attribute, value, `must be one of ${allowed.join(', ')}`);
    return v;
  };

/** A URL, absolute or relative to the page. */
export const url =
  (attribute: string, allowed: string) =>
  (value: string): string => {
    try {
      return new URL(value, globalThis.location?.href).href;
    } catch {
      throw new OptionError(attribute, value, allowed);
    }
  };

/** A finite number from 0 to `max`; a decimal comma is read as a point. */
export const nonNegative =
  (attribute: string, unit: string, max: number) =>
  (value: string): number => {
    const n = Number(value.trim().replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) {
      throw new OptionError(attribute, value, `must be ${unit} from 0 to ${max}`);
    }
    return n;
  };

/** `"longitude,latitude"` in degrees. */
export const lonLat =
  (attribute: string) =>
  (value: string): [number, number] => {
    const parts = value.split(',').map((p) => Number(p.trim()));
    const [lon, lat] = parts;
    if (
      parts.length !== 2 ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat) ||
      Math.abs(lat!) > 90 ||
      Math.abs(lon!) > 180
    ) {
      throw new OptionError(
        attribute,
        value,
        'must be "longitude,latitude" in degrees, such as "46.03,51.53"',
      );
    }
    return [lon!, lat!];
  };

/** Branch types, comma-separated. */
export const typeList =
  (attribute: string) =>
  (value: string): BranchType[] => {
    const types = value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    for (const t of types) {
      if (!(BRANCH_TYPES as readonly string[]).includes(t))
        throw new OptionError(
          attribute,
          value,
          `each type must be one of ${BRANCH_TYPES.join(', ')}`,
        );
    }
    return types as BranchType[];
  };

/** Words from a list, comma-separated, in the list's order; empty means none. */
export const wordList =
  <T extends string>(attribute: string, allowed: readonly T[]) =>
  (value: string): T[] => {
    const words = value
      .split(',')
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean);
    for (const w of words)
      if (!(allowed as readonly string[]).includes(w))
        throw new OptionError(attribute, value, `each must be one of ${allowed.join(', ')}`);
    return allowed.filter((a) => words.includes(a));
  };

/** `"length x width x height"` in centimetres, each above 0 and at most 300. */
export const size =
  (attribute: string) =>
  (value: string): [number, number, number] => {
    const parts = value
      .toLowerCase()
      .split(/[x×*]/)
      .map((p) => Number(p.trim()));
    if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n <= 0 || n > 300)) {
      throw new OptionError(
        attribute,
        value,
        'must be "length x width x height" in centimetres, such as 30x20x10',
      );
    }
    return parts as [number, number, number];
  };

/** A boolean attribute: present (with any value but "false") means on. */
export function flag(attribute: string, doc: string) {
  return {
    attribute,
    kind: 'flag' as const,
    doc,
    defaultText: 'off',
    default: false,
    parse: (value: string): boolean => value.trim().toLowerCase() !== 'false',
  };
}
