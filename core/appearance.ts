/**
 * A saved configuration's appearance (contract): the primary colour, the corner radius and the font,
 * which the widget applies as its `--bp-*` custom properties. Parsers shared by the configurator
 * (inline messages), the proxy (validation of what is saved) and the widget (nothing unchecked
 * reaches a style).
 */

export interface Appearance {
  /** `#rrggbb`: buttons, pressed chips, clusters (`--bp-primary`). */
  primary?: string;
  /** Corner radius in CSS pixels, 0 to 24 (`--bp-radius`). */
  radius?: number;
  /** A font-family list, such as `Inter, sans-serif` (`--bp-font`). */
  font?: string;
  /** The picker's height in CSS pixels, 240 to 1600, where the page sets none. */
  height?: number;
}

export const APPEARANCE_FIELDS = ['primary', 'radius', 'font', 'height'] as const;
export const MAX_RADIUS_PX = 24;
export const MIN_HEIGHT_PX = 240;
export const MAX_HEIGHT_PX = 1600;
const MAX_FONT_LENGTH = 200;

/** `#1f8a3a`, `#1F8A3A` or `#1f8` → `#1f8a3a`; throws saying what a colour is. */
export function parseColour(value: unknown): string {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  throw new Error(
    `must be a colour written #rrggbb, such as #1f8a3a, got ${JSON.stringify(value)}`,
  );
}

export function parseRadius(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > MAX_RADIUS_PX)
    throw new Error(`must be pixels from 0 to ${MAX_RADIUS_PX}, got ${JSON.stringify(value)}`);
  return Math.round(n);
}

export function parseHeight(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < MIN_HEIGHT_PX || n > MAX_HEIGHT_PX)
    throw new Error(
      `must be pixels from ${MIN_HEIGHT_PX} to ${MAX_HEIGHT_PX}, got ${JSON.stringify(value)}`,
    );
  return Math.round(n);
}

/** Font names, quoted or not, and generic families; nothing that could end the declaration. */
export function parseFont(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > MAX_FONT_LENGTH || !/^[\p{L}\p{N} ,'"-]+$/u.test(text))
    throw new Error(
      `must be font names separated by commas, such as "PT Sans, sans-serif" (letters, digits, spaces, quotes, hyphens), got ${JSON.stringify(value)}`,
    );
  return text;
}

const PARSERS = {
  primary: parseColour,
  radius: parseRadius,
  font: parseFont,
  height: parseHeight,
} as const;

/** Parses an appearance object, field by field; throws naming the first bad field. */
export function parseAppearance(value: unknown): Appearance {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`must be an object with ${APPEARANCE_FIELDS.join(', ')}`);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Own keys only: `constructor` or `__proto__` in a document must not find Object's members.
    const parse = Object.hasOwn(PARSERS, key)
      ? (PARSERS as Record<string, (v: unknown) => unknown>)[key]
      : undefined;
    if (!parse)
      throw new Error(`${key} is not part of the appearance (${APPEARANCE_FIELDS.join(', ')})`);
    if (v === undefined || v === null || v === '') continue;
    try {
      out[key] = parse(v);
    } catch (error) {
      throw new Error(`${key} ${(error as Error).message}`, { cause: error });
    }
  }
  return out;
}

/** WCAG's relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Text that small needs 4.5:1 against its background (WCAG 1.4.3). */
const TEXT_CONTRAST = 4.5;
const DARK_TEXT = '#000000';

/**
 * The text colour for labels on a primary colour: white while it reads at 4.5:1, else black
 * (a merchant's mid-green or orange would otherwise leave cluster counts and buttons unreadable).
 * Black, not a softer dark grey: one of black and white reads at 4.5:1 on any colour, a grey does not.
 */
export function textOn(primary: string): string {
  const l = luminance(primary);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (luminance(DARK_TEXT) + 0.05);
  return onWhite >= TEXT_CONTRAST || onWhite >= onDark ? '#ffffff' : DARK_TEXT;
}

/** The declarations the widget sets on itself for an appearance: `--bp-*` properties, a height. */
export function appearanceProperties(a: Appearance): Record<string, string> {
  return {
    ...(a.primary
      ? {
          '--bp-primary': a.primary,
          '--bp-focus': a.primary,
          '--bp-primary-contrast': textOn(a.primary),
        }
      : {}),
    ...(a.radius !== undefined ? { '--bp-radius': `${a.radius}px` } : {}),
    ...(a.font ? { '--bp-font': a.font } : {}),
    ...(a.height !== undefined ? { height: `${a.height}px` } : {}),
  };
}
