/**
 * The offline basemap's MapLibre style: a calm, low-contrast map on which the branches stand out.
 * URLs are relative to the style's own URL; the widget resolves them (MapLibre itself does not).
 */
import type {
  ExpressionSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { styleFile } from '#core/basemap';

/** The zoom of the deepest generated tiles; MapLibre overzooms beyond it. */
export const TILE_MAX_ZOOM = 7;

/** Town labels appear by size: the minimum zoom per population rank (rank 1 = the largest). */
export const PLACE_RANKS: readonly { rank: number; minPopulation: number; minZoom: number }[] = [
  { rank: 1, minPopulation: 1_000_000, minZoom: 2 },
  { rank: 2, minPopulation: 300_000, minZoom: 4 },
  { rank: 3, minPopulation: 100_000, minZoom: 5 },
  { rank: 4, minPopulation: 30_000, minZoom: 6 },
  { rank: 5, minPopulation: 10_000, minZoom: 7 },
  { rank: 6, minPopulation: 0, minZoom: 8 },
];

export interface BasemapPalette {
  water: string;
  land: string;
  border: string;
  label: string;
  labelHalo: string;
}

export const LIGHT: BasemapPalette = {
  water: '#cddfeb',
  land: '#f5f3ee',
  border: '#b4a7bd',
  label: '#45474d',
  labelHalo: '#f5f3ee',
};

export const DARK: BasemapPalette = {
  water: '#1b2633',
  land: '#2a2d33',
  border: '#5d5670',
  label: '#c9ccd3',
  labelHalo: '#2a2d33',
};

export const FONT_REGULAR = 'PT Sans Regular';
export const FONT_BOLD = 'PT Sans Bold';
/** Water and island names on the street basemap. */
export const FONT_ITALIC = 'PT Sans Italic';

/** Unicode ranges of the @fontsource/pt-sans subsets we ship (Latin and Cyrillic). */
const CYRILLIC = ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'];
// prettier-ignore
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'];

/** The font files the style points at, relative to the style URL. */
export const FONT_FILES = [
  'pt-sans-cyrillic-400-normal.woff2',
  'pt-sans-latin-400-normal.woff2',
  'pt-sans-cyrillic-700-normal.woff2',
  'pt-sans-latin-700-normal.woff2',
  'pt-sans-cyrillic-400-italic.woff2',
  'pt-sans-latin-400-italic.woff2',
] as const;

/** The style's `font-faces`, with URLs relative to the style (`prefix` from a deeper one: `../`). */
export function fontFaces(
  prefix = '',
): Record<string, { url: string; 'unicode-range': string[] }[]> {
  const faces = (file: string) => [
    { url: `${prefix}fonts/pt-sans-cyrillic-${file}.woff2`, 'unicode-range': CYRILLIC },
    { url: `${prefix}fonts/pt-sans-latin-${file}.woff2`, 'unicode-range': LATIN },
  ];
  return {
    [FONT_REGULAR]: faces('400-normal'),
    [FONT_BOLD]: faces('700-normal'),
    [FONT_ITALIC]: faces('400-italic'),
  };
}

/** The four styles a basemap serves, by theme and language, under the names the widget asks for. */
export const STYLE_VARIANTS = ([false, true] as const).flatMap((dark) =>
  (['ru', 'en'] as const).map((lang) => ({ file: styleFile(dark, lang), dark, lang })),
);

/** Builds the style; `lang` picks the label field (`name` is Russian, `name_en` Latin). */
export function basemapStyle(
  palette: BasemapPalette,
  lang: 'ru' | 'en' = 'ru',
): StyleSpecification {
  const name = lang === 'en' ? 'name_en' : 'name';
  const label = (
    ranks: [number, number],
    minzoom: number,
    bold: boolean,
    size: [number, number, number, number],
  ): Omit<SymbolLayerSpecification, 'id'> => ({
    type: 'symbol',
    source: 'basemap',
    'source-layer': 'place',
    minzoom,
    filter: ['all', ['>=', ['get', 'rank'], ranks[0]], ['<=', ['get', 'rank'], ranks[1]]],
    layout: {
      'text-field': ['get', name],
      'text-font': [bold ? FONT_BOLD : FONT_REGULAR],
      'text-size': [
        'interpolate',
        ['linear'],
        ['zoom'],
        size[0],
        size[1],
        size[2],
        size[3],
      ] as ExpressionSpecification,
      'text-max-width': 8,
      'text-padding': 4,
      // Below the town's point: branch clusters gather on the point itself and would hide the name.
      'text-anchor': 'top',
      'text-offset': [0, 1.3],
      // Bigger towns win the collisions: sort by rank, then by population.
      'symbol-sort-key': [
        '-',
        ['*', ['get', 'rank'], 10_000_000],
        ['get', 'population'],
      ] as ExpressionSpecification,
    },
    paint: {
      'text-color': palette.label,
      'text-halo-color': palette.labelHalo,
      'text-halo-width': 1.4,
      'text-halo-blur': 0.5,
    },
  });
  return {
    version: 8,
    name: 'branch-picker offline basemap',
    metadata: {
      'branch-picker:attribution':
        'Natural Earth; © OpenStreetMap contributors (water); GeoNames (towns)',
    },
    'font-faces': fontFaces(),
    sources: {
      basemap: {
        type: 'vector',
        tiles: ['tiles/{z}/{x}/{y}.pbf'],
        minzoom: 0,
        maxzoom: TILE_MAX_ZOOM,
        attribution: '© Natural Earth, © OpenStreetMap contributors, GeoNames',
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': palette.water } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'land',
        paint: { 'fill-color': palette.land, 'fill-antialias': true },
      },
      {
        id: 'inland-water',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'water',
        paint: { 'fill-color': palette.water },
      },
      {
        id: 'border',
        type: 'line',
        source: 'basemap',
        'source-layer': 'boundary',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': palette.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 6, 1.2, 10, 2],
        },
      },
      { id: 'place-small', ...label([4, 6], 6, false, [7, 11, 12, 13]) },
      { id: 'place-medium', ...label([3, 3], 5, false, [4, 11, 10, 15]) },
      { id: 'place-large', ...label([1, 2], 2, true, [3, 11, 10, 17]) },
    ],
  };
}
