/**
 * The element's options, once: names, types, defaults, documentation and parsing. The element,
 * the docs, and later the configurator and the embed page all read them from here.
 */
import { BRANCH_TYPES, type BranchType } from '#core/branch';
import { MAIL_SERVICES, type MailService } from '#core/mail-services';
import { LANGS, type Lang } from './i18n';

export const THEMES = ['light', 'dark', 'auto'] as const;
export const MODES = ['inline', 'modal'] as const;
export type Mode = (typeof MODES)[number];

export type Theme = (typeof THEMES)[number];

/** The options in their parsed form. */
export interface PickerOptions {
  api: string;
  lang: Lang;
  types: BranchType[];
  center: [lon: number, lat: number] | null;
  zoom: number | null;
  selected: string | null;
  mapStyle: string | null;
  theme: Theme;
  /** Sender's postal code; without it the card shows no price. */
  from: string | null;
  /** Parcel weight, grams. */
  weight: number;
  /** Declared value, rubles. */
  value: number;
  /** Cash on delivery, rubles; `cod` with no number means the declared value. */
  cod: number | 'value';
  service: MailService;
  /** Parcel size in cm, for "fits my parcel" and locker cells. */
  size: [number, number, number] | null;
  mode: Mode;
  noList: boolean;
  noSearch: boolean;
  noGeolocation: boolean;
  noRemember: boolean;
}

/** Thrown for an attribute value the element cannot use; the message says what is allowed. */
export class OptionError extends Error {
  readonly code = 'invalid-option';
  readonly attribute: string;
  constructor(attribute: string, value: string, allowed: string) {
    super(`<branch-picker ${attribute}="${value}">: ${allowed}`);
    this.name = 'OptionError';
    this.attribute = attribute;
  }
}

export interface OptionDef<K extends keyof PickerOptions> {
  /** The HTML attribute; the property has the option's name. */
  attribute: string;
  /** One line for the docs. */
  doc: string;
  /** The default as the docs print it. */
  defaultText: string;
  default: PickerOptions[K];
  /** Parses an attribute value; throws OptionError when it cannot. */
  parse(value: string): PickerOptions[K];
}

/** Russia without the far Arctic: the view before the buyer has said where they are. */
export const RUSSIA_BOUNDS: [[number, number], [number, number]] = [
  [27, 41],
  [179, 72],
];

/**
 * On a phone the whole country would be a thin strip, so the first view is where most branches are:
 * European Russia, the Urals and western Siberia. Search and "near me" go anywhere.
 */
export const RUSSIA_WEST_BOUNDS: [[number, number], [number, number]] = [
  [27, 42],
  [88, 68],
];

const oneOf =
  <T extends string>(attribute: string, allowed: readonly T[]) =>
  (value: string): T => {
    const v = value.trim().toLowerCase() as T;
    if (!allowed.includes(v))
      throw new OptionError(attribute, value, `must be one of ${allowed.join(', ')}`);
    return v;
  };

const url =
  (attribute: string, allowed: string) =>
  (value: string): string => {
    try {
      return new URL(value, globalThis.location?.href).href;
    } catch {
      throw new OptionError(attribute, value, allowed);
    }
  };

const nonNegative =
  (attribute: string, unit: string, max: number) =>
  (value: string): number => {
    const n = Number(value.trim().replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) {
      throw new OptionError(attribute, value, `must be ${unit} from 0 to ${max}`);
    }
    return n;
  };

/** A boolean attribute: present (with any value but "false") means on. */
type FlagKey = 'noList' | 'noSearch' | 'noGeolocation' | 'noRemember';
function flag<K extends FlagKey>(attribute: string, doc: string): OptionDef<K> {
  return {
    attribute,
    doc,
    defaultText: 'off',
    default: false,
    parse: (value) => value.trim().toLowerCase() !== 'false',
  };
}

export const OPTIONS: { [K in keyof PickerOptions]: OptionDef<K> } = {
  api: {
    attribute: 'api',
    doc: 'Base URL of the branch-picker proxy.',
    defaultText: 'the origin the script was loaded from',
    default: '',
    parse: url('api', 'must be a URL, such as https://picker.example.com/'),
  },
  lang: {
    attribute: 'lang',
    doc: 'Language of the interface and the map labels.',
    defaultText: 'ru',
    default: 'ru',
    parse: oneOf('lang', LANGS),
  },
  types: {
    attribute: 'types',
    doc: 'Branch types to show, comma-separated.',
    defaultText: 'all: post_office,parcel_locker,pickup_point',
    default: [],
    parse: (value) => {
      const types = value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      for (const t of types) {
        if (!(BRANCH_TYPES as readonly string[]).includes(t)) {
          throw new OptionError(
            'types',
            value,
            `each type must be one of ${BRANCH_TYPES.join(', ')}`,
          );
        }
      }
      return types as BranchType[];
    },
  },
  center: {
    attribute: 'center',
    doc: 'Starting map centre as "longitude,latitude".',
    defaultText: 'all of Russia in view',
    default: null,
    parse: (value) => {
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
          'center',
          value,
          'must be "longitude,latitude" in degrees, such as "46.03,51.53"',
        );
      }
      return [lon!, lat!];
    },
  },
  zoom: {
    attribute: 'zoom',
    doc: 'Starting zoom, 0 (the world) to 20 (a building).',
    defaultText: 'fits Russia; 12 with a centre',
    default: null,
    parse: (value) => {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 20) {
        throw new OptionError('zoom', value, 'must be a number from 0 to 20');
      }
      return n;
    },
  },
  selected: {
    attribute: 'selected',
    doc: 'Id of a branch to show open when the picker starts.',
    defaultText: 'none',
    default: null,
    parse: (value) => value.trim() || null,
  },
  mapStyle: {
    attribute: 'map-style',
    doc: 'URL of any MapLibre style to draw the map with.',
    defaultText: "the proxy's offline basemap",
    default: null,
    parse: url('map-style', 'must be the URL of a MapLibre style JSON'),
  },
  from: {
    attribute: 'from',
    doc: 'Sender’s six-digit postal code: with it, each branch card shows the cost and delivery time.',
    defaultText: 'none (no prices)',
    default: null,
    parse: (value) => {
      const v = value.trim();
      if (!/^\d{6}$/.test(v))
        throw new OptionError('from', value, 'must be a six-digit postal code, such as 101000');
      return v;
    },
  },
  weight: {
    attribute: 'weight',
    doc: 'Parcel weight in grams.',
    defaultText: '1000',
    default: 1000,
    parse: (value) => {
      const n = nonNegative('weight', 'grams', 50_000)(value);
      if (!Number.isInteger(n) || n < 1)
        throw new OptionError('weight', value, 'must be whole grams from 1 to 50000');
      return n;
    },
  },
  value: {
    attribute: 'value',
    doc: 'Declared value in rubles (insurance).',
    defaultText: '0',
    default: 0,
    parse: nonNegative('value', 'rubles', 100_000_000),
  },
  cod: {
    attribute: 'cod',
    doc: 'Cash on delivery in rubles; the attribute alone means the declared value.',
    defaultText: 'none',
    default: 0,
    parse: (value) =>
      value.trim() === '' || value.trim() === 'true'
        ? 'value'
        : nonNegative('cod', 'rubles', 100_000_000)(value),
  },
  service: {
    attribute: 'service',
    doc: 'Mail service to price.',
    defaultText: 'parcel-online',
    default: 'parcel-online',
    parse: oneOf('service', MAIL_SERVICES),
  },
  size: {
    attribute: 'size',
    doc: 'Parcel size in centimetres, "length x width x height": lockers show whether it fits a cell.',
    defaultText: 'unknown',
    default: null,
    parse: (value) => {
      const parts = value
        .toLowerCase()
        .split(/[x×*]/)
        .map((p) => Number(p.trim()));
      if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n <= 0 || n > 300)) {
        throw new OptionError(
          'size',
          value,
          'must be "length x width x height" in centimetres, such as 30x20x10',
        );
      }
      return parts as [number, number, number];
    },
  },
  mode: {
    attribute: 'mode',
    doc: 'inline: in the page; modal: a dialog that open() shows and close() hides.',
    defaultText: 'inline',
    default: 'inline',
    parse: oneOf('mode', MODES),
  },
  noList: flag('no-list', 'Hides the list of branches beside the map.'),
  noSearch: flag('no-search', 'Hides the search box.'),
  noGeolocation: flag('no-geolocation', 'Hides the "near me" button.'),
  noRemember: flag(
    'no-remember',
    'Neither remembers the choice on this device nor offers it next time.',
  ),
  theme: {
    attribute: 'theme',
    doc: 'Colour scheme; auto follows the visitor’s system setting.',
    defaultText: 'light',
    default: 'light',
    parse: oneOf('theme', THEMES),
  },
};

/** Parses an attribute value, or returns the default for a missing one. */
export function parseOption<K extends keyof PickerOptions>(
  key: K,
  value: string | null | undefined,
): PickerOptions[K] {
  if (value === null || value === undefined) return OPTIONS[key].default;
  return OPTIONS[key].parse(value);
}
