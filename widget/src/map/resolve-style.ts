/**
 * Makes a MapLibre style's URLs absolute against the style's own URL. MapLibre fetches tiles in a
 * worker whose base URL is a blob, so a relative `tiles/{z}/{x}/{y}.pbf` would resolve to nothing;
 * our basemap is written with relative URLs so that it works wherever the proxy is mounted.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { PickerError } from '../errors';

/** Resolves a URL template, keeping `{z}`, `{fontstack}` and friends intact. */
export function resolveTemplate(url: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url; // absolute already, or a custom protocol
  return new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

/** Returns a copy of the style with every source, sprite, glyph and font URL absolute. */
export function absolutizeStyle(style: StyleSpecification, styleUrl: string): StyleSpecification {
  const out = structuredClone(style);
  const abs = (url: string): string => resolveTemplate(url, styleUrl);
  for (const source of Object.values(out.sources)) {
    const s = source as { url?: string; tiles?: string[]; data?: unknown; urls?: string[] };
    if (typeof s.url === 'string') s.url = abs(s.url);
    if (Array.isArray(s.tiles)) s.tiles = s.tiles.map(abs);
    if (Array.isArray(s.urls)) s.urls = s.urls.map(abs);
    if (typeof s.data === 'string') s.data = abs(s.data);
  }
  if (typeof out.glyphs === 'string') out.glyphs = abs(out.glyphs);
  if (typeof out.sprite === 'string') out.sprite = abs(out.sprite);
  else if (Array.isArray(out.sprite))
    out.sprite = out.sprite.map((s) => ({ ...s, url: abs(s.url) }));
  const faces = (out as { 'font-faces'?: Record<string, string | { url: string }[]> })[
    'font-faces'
  ];
  if (faces) {
    for (const [name, value] of Object.entries(faces)) {
      faces[name] =
        typeof value === 'string' ? abs(value) : value.map((f) => ({ ...f, url: abs(f.url) }));
    }
  }
  return out;
}

/** Thrown when the style cannot be loaded; carries the URL. */
export class MapStyleError extends PickerError {
  constructor(url: string, cause: unknown) {
    super('map-style', `The map style ${url} could not be loaded`, { cause });
    this.name = 'MapStyleError';
  }
}

/**
 * Downloads a style and makes its URLs absolute. Kept out of the map's lazy chunk so that the
 * download starts at once, alongside MapLibre's own.
 */
export async function loadStyle(url: string, signal: AbortSignal): Promise<StyleSpecification> {
  try {
    const response = await fetch(url, { signal, credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return absolutizeStyle((await response.json()) as StyleSpecification, response.url || url);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new MapStyleError(url, error);
  }
}
