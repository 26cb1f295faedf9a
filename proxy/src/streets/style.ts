/**
 * The street basemap's MapLibre style: the offline basemap underneath (so that beyond a regional
 * extract the map goes on, in the same colours), and over it the layers of `@protomaps/basemaps`
 * drawing the archive's streets, buildings, water and names, recoloured to our palette.
 *
 * Labels use our PT Sans files through `font-faces` (no glyph server). Sprite icons are not on npm:
 * the layers that are only icons (one-way arrows, road shields) are left out, and the others keep
 * their text without the icon.
 */
import { layers, namedFlavor, type Flavor } from '@protomaps/basemaps';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import {
  DARK,
  FONT_BOLD,
  FONT_ITALIC,
  FONT_REGULAR,
  LIGHT,
  basemapStyle,
  fontFaces,
  type BasemapPalette,
} from '../../basemap/style';
import type { ArchiveSummary } from './archive';

export interface StreetStyleOptions {
  dark: boolean;
  lang: 'ru' | 'en';
  /** Where the style is served from, relative to `/basemap/`: '' or `../` (from `streets/`). */
  prefix: '' | '../';
}

/**
 * The land a shade deeper where streets are drawn: Protomaps' white roads need it to stand out.
 * It turns from our land colour at the first zoom to this shade at the second.
 */
const STREET_LAND = { light: '#ece9e2', dark: DARK.land } as const;
const STREET_LAND_ZOOMS = [11, 14] as const;

/** Layers that are nothing without a sprite icon. */
const ICON_ONLY = new Set(['roads_oneway', 'roads_shields']);

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Street names a buyer can read: Protomaps' grey labels are about 2:1 against the land (dark
 * #525252 on our #2a2d33); these are 4.5:1 or more. Dark roads a shade lighter than the land.
 */
const READABLE: Record<'light' | 'dark', Partial<Flavor>> = {
  light: {
    roads_label_minor: '#6b6467',
    roads_label_major: '#5e5759',
    subplace_label: '#616161',
  },
  dark: {
    roads_label_minor: '#a1a5ad',
    roads_label_major: '#b1b5bc',
    subplace_label: '#9a9ea6',
    other: '#363a41',
    minor_service: '#363a41',
    minor_a: '#3a3e45',
    minor_b: '#3a3e45',
    major: '#474c55',
    highway: '#52575f',
  },
};

/** Protomaps' flavour with our water, land, borders and label colours, and our fonts. */
function flavorFor(palette: BasemapPalette, dark: boolean): Flavor {
  const base = namedFlavor(dark ? 'dark' : 'light');
  return {
    ...base,
    ...READABLE[dark ? 'dark' : 'light'],
    background: palette.land,
    earth: palette.land,
    water: palette.water,
    boundaries: palette.border,
    city_label: palette.label,
    city_label_halo: palette.labelHalo,
    subplace_label_halo: palette.labelHalo,
    state_label_halo: palette.labelHalo,
    roads_label_minor_halo: dark ? STREET_LAND.dark : STREET_LAND.light,
    roads_label_major_halo: dark ? STREET_LAND.dark : STREET_LAND.light,
    regular: FONT_REGULAR,
    bold: FONT_BOLD,
    italic: FONT_ITALIC,
  };
}

/** The protomaps layers as we draw them: no background (the offline one shows), no icons. */
function streetLayers(flavor: Flavor, dark: boolean, lang: 'ru' | 'en'): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  for (const layer of layers('streets', flavor, { lang })) {
    if (layer.type === 'background' || ICON_ONLY.has(layer.id)) continue;
    if (layer.id === 'earth' && layer.type === 'fill') {
      const [from, to] = STREET_LAND_ZOOMS;
      const land = dark ? STREET_LAND.dark : STREET_LAND.light;
      const color: ExpressionSpecification = [
        'interpolate',
        ['linear'],
        ['zoom'],
        from,
        flavor.earth,
        to,
        land,
      ];
      out.push({ ...layer, paint: { ...layer.paint, 'fill-color': color } });
      continue;
    }
    if (layer.type === 'symbol' && layer.layout && 'icon-image' in layer.layout) {
      const layout = Object.fromEntries(
        Object.entries(layer.layout).filter(([key]) => !key.startsWith('icon-')),
      );
      out.push({ ...layer, layout });
      continue;
    }
    out.push(layer);
  }
  return out;
}

/** A polygon of a west, south, east, north box (the archive's, for `within`). */
export function boxPolygon([w, s, e, n]: ArchiveSummary['bounds']) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/** Builds the street style for one archive, theme and language. */
export function streetStyle(
  archive: ArchiveSummary,
  options: StreetStyleOptions,
): StyleSpecification {
  const palette = options.dark ? DARK : LIGHT;
  const offline = basemapStyle(palette, options.lang);
  const offlineSource = offline.sources.basemap as { tiles: string[] };
  const insideArchive: ExpressionSpecification = ['within', boxPolygon(archive.bounds)];
  const below: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  for (const layer of offline.layers) {
    if (layer.type === 'symbol') {
      // The archive names its own towns; the offline names fill in only beyond its box.
      const filter = ['all', layer.filter ?? true, ['!', insideArchive]] as FilterSpecification;
      labels.push({ ...layer, id: `offline-${layer.id}`, filter });
    } else {
      below.push({ ...layer, id: `offline-${layer.id}` });
    }
  }
  const attribution = archive.attribution
    ? escapeHtml(archive.attribution)
    : '© OpenStreetMap contributors';
  return {
    version: 8,
    name: `branch-picker street basemap (${archive.name})`,
    'font-faces': fontFaces(options.prefix),
    sources: {
      basemap: {
        ...offline.sources.basemap,
        tiles: offlineSource.tiles.map((t) => `${options.prefix}${t}`),
      } as StyleSpecification['sources'][string],
      streets: {
        type: 'vector',
        tiles: [`${options.prefix}streets/{z}/{x}/{y}.mvt`],
        minzoom: archive.minZoom,
        maxzoom: archive.maxZoom,
        bounds: archive.bounds,
        attribution,
      },
    },
    layers: [
      ...below,
      ...streetLayers(flavorFor(palette, options.dark), options.dark, options.lang),
      ...labels,
    ],
  };
}
