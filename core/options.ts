/**
 * The element's options, once (contract): name, attribute, kind, default, parser and documentation
 * of each. From this table come the element's reactive properties, the parsed options (once per
 * update), the README's option table, the Storybook controls, the configurator's fields and the
 * proxy's validation of saved configurations. Adding an option is adding one entry here.
 */
import { BRANCH_TYPES, type BranchType } from './branch';
import { LANGS } from './langs';
import { MAIL_SERVICES, type MailService } from './mail-services';
import {
  flag,
  lonLat,
  nonNegative,
  oneOf,
  OptionError,
  size,
  typeList,
  url,
  wordList,
} from './option-parsers';
import { CONFIG_ID_PATTERN } from './widget-config';

export { OptionError } from './option-parsers';

export const THEMES = ['light', 'dark', 'auto'] as const;
/** The filters a site may offer the buyer. */
export const PICKER_FILTERS = ['types', 'open-now', 'card', 'cod', 'weekends', 'fits'] as const;
export type PickerFilter = (typeof PICKER_FILTERS)[number];
/** What a phone shows first. */
export const PHONE_STARTS = ['map', 'list'] as const;
export type PhoneStart = (typeof PHONE_STARTS)[number];
export const MODES = ['inline', 'modal'] as const;
export type Theme = (typeof THEMES)[number];
export type Mode = (typeof MODES)[number];

/** How a field for the option is drawn (Storybook controls, the configurator). */
export type OptionKind = 'text' | 'url' | 'number' | 'choice' | 'list' | 'flag';

export interface OptionDef<T> {
  /** The HTML attribute; the property has the option's name. */
  attribute: string;
  kind: OptionKind;
  /** The values a `choice` or `list` takes. */
  choices?: readonly string[];
  /** One line for the README's table (Markdown). */
  doc: string;
  /** The default as the README prints it (Markdown). */
  defaultText: string;
  default: T;
  /** A change draws a new map or loads the network again, rather than updating what is shown. */
  restarts?: boolean;
  /** Mirrored to the attribute: the host's own styles depend on it. */
  reflect?: boolean;
  /** Parses an attribute value; throws OptionError naming what is allowed. */
  parse(value: string): T;
}

const option = <T>(def: OptionDef<T>): OptionDef<T> => def;

export const OPTIONS = {
  api: option<string>({
    attribute: 'api',
    kind: 'url',
    doc: 'base URL of the branch-picker proxy',
    defaultText: 'the origin the script came from',
    default: '',
    restarts: true,
    parse: url('api', 'must be a URL, such as https://picker.example.com/'),
  }),
  lang: option<string>({
    attribute: 'lang',
    kind: 'choice',
    choices: LANGS,
    doc: 'interface language: `ru` or `en` (the map labels too)',
    defaultText: '`ru`',
    default: 'ru',
    restarts: true,
    parse: oneOf('lang', LANGS),
  }),
  types: option<BranchType[]>({
    attribute: 'types',
    kind: 'list',
    choices: BRANCH_TYPES,
    doc: 'branch types the site offers, comma-separated: `post_office`, `parcel_locker`, `pickup_point`',
    defaultText: 'all',
    default: [],
    restarts: true,
    parse: typeList('types'),
  }),
  center: option<[lon: number, lat: number] | null>({
    attribute: 'center',
    kind: 'text',
    doc: 'starting centre, `"longitude,latitude"`, e.g. `"46.03,51.53"`',
    defaultText: 'the whole country; European Russia on a narrow map',
    default: null,
    parse: lonLat('center'),
  }),
  zoom: option<number | null>({
    attribute: 'zoom',
    kind: 'number',
    doc: 'starting zoom, 0–20',
    defaultText: 'fits the country; 12 with a centre',
    default: null,
    parse: (value) => nonNegative('zoom', 'a number', 20)(value),
  }),
  selected: option<string | null>({
    attribute: 'selected',
    kind: 'text',
    doc: 'id of a branch to show open and marked as chosen at start (fires no `branch-select`)',
    defaultText: 'none',
    default: null,
    parse: (value) => value.trim() || null,
  }),
  mapStyle: option<string | null>({
    attribute: 'map-style',
    kind: 'url',
    doc: 'URL of any MapLibre style ([hosted styles](#hosted-map-styles))',
    defaultText:
      "the proxy's basemap: its [street map](#street-maps-from-one-file) when it has one, else the offline one",
    default: null,
    restarts: true,
    // Blank, as a CMS template writes an unset field, is the default style, not the page's own URL.
    parse: (value) =>
      value.trim() ? url('map-style', 'must be the URL of a MapLibre style JSON')(value) : null,
  }),
  theme: option<Theme>({
    attribute: 'theme',
    kind: 'choice',
    choices: THEMES,
    doc: "`light`, `dark`, or `auto` (follows the visitor's system, live)",
    defaultText: '`light`',
    default: 'light',
    restarts: true,
    parse: oneOf('theme', THEMES),
  }),
  mode: option<Mode>({
    attribute: 'mode',
    kind: 'choice',
    choices: MODES,
    doc: '`inline`: in the page; `modal`: a dialog that `open()` shows and `close()` hides',
    defaultText: '`inline`',
    default: 'inline',
    reflect: true,
    parse: oneOf('mode', MODES),
  }),
  from: option<string | null>({
    attribute: 'from',
    kind: 'text',
    doc: "the sender's six-digit postal code: with it, each card shows the cost and delivery time of the parcel",
    defaultText: 'none',
    default: null,
    parse: (value) => {
      const v = value.trim();
      if (!/^\d{6}$/.test(v))
        throw new OptionError('from', value, 'must be a six-digit postal code, such as 101000');
      return v;
    },
  }),
  weight: option<number>({
    attribute: 'weight',
    kind: 'number',
    doc: 'parcel weight, grams',
    defaultText: '1000',
    default: 1000,
    parse: (value) => {
      const n = nonNegative('weight', 'grams', 50_000)(value);
      if (!Number.isInteger(n) || n < 1)
        throw new OptionError('weight', value, 'must be whole grams from 1 to 50000');
      return n;
    },
  }),
  value: option<number>({
    attribute: 'value',
    kind: 'number',
    doc: 'declared value, rubles',
    defaultText: '0',
    default: 0,
    parse: nonNegative('value', 'rubles', 100_000_000),
  }),
  cod: option<number | 'value'>({
    attribute: 'cod',
    kind: 'number',
    doc: 'cash on delivery, rubles; `cod` alone means the declared value',
    defaultText: 'none',
    default: 0,
    parse: (value) =>
      value.trim() === '' || value.trim() === 'true'
        ? 'value'
        : nonNegative('cod', 'rubles', 100_000_000)(value),
  }),
  service: option<MailService>({
    attribute: 'service',
    kind: 'choice',
    choices: MAIL_SERVICES,
    doc: MAIL_SERVICES.map((s) => `\`${s}\``).join(', '),
    defaultText: '`parcel-online`',
    default: 'parcel-online',
    parse: oneOf('service', MAIL_SERVICES),
  }),
  size: option<[number, number, number] | null>({
    attribute: 'size',
    kind: 'text',
    doc: 'parcel size in centimetres, `"length x width x height"`, e.g. `30x20x10`: cards say whether it fits a locker\'s cells, and the *Parcel fits* filter appears',
    defaultText: 'unknown',
    default: null,
    parse: size('size'),
  }),
  noList: flag('no-list', 'hides the list; the map and the card remain'),
  noSearch: flag('no-search', 'hides the search box'),
  noGeolocation: flag('no-geolocation', 'hides the *near me* button'),
  noRemember: flag(
    'no-remember',
    'neither remembers the choice on this device nor offers it next time',
  ),
  history: flag(
    'history',
    "the browser's Back (a phone's back button) closes the card, then the phone's list, before it leaves the page",
  ),
  filters: option<PickerFilter[]>({
    attribute: 'filters',
    kind: 'list',
    choices: PICKER_FILTERS,
    doc: `the filters offered to the buyer, comma-separated: ${PICKER_FILTERS.map((f) => `\`${f}\``).join(', ')}`,
    defaultText: 'all',
    default: [...PICKER_FILTERS],
    parse: wordList('filters', PICKER_FILTERS),
  }),
  phoneStart: option<PhoneStart>({
    attribute: 'phone-start',
    kind: 'choice',
    choices: PHONE_STARTS,
    doc: 'what a phone shows first: `map`, or `list` (the branches in view, in the sheet)',
    defaultText: '`map`',
    default: 'map',
    parse: oneOf('phone-start', PHONE_STARTS),
  }),
  config: option<string | null>({
    attribute: 'config',
    kind: 'text',
    doc: 'id of a configuration saved in the [configurator](#the-configurator): its options apply where the element has no attribute of its own, and its appearance',
    defaultText: 'none',
    default: null,
    restarts: true,
    parse: (value) => {
      const v = value.trim();
      if (!CONFIG_ID_PATTERN.test(v))
        throw new OptionError(
          'config',
          value,
          'must be a configuration id: 12 letters and digits, as the configurator gives it',
        );
      return v;
    },
  }),
};

export type OptionKey = keyof typeof OPTIONS;
export const OPTION_KEYS = Object.keys(OPTIONS) as OptionKey[];

/** The options in their parsed form. */
export type PickerOptions = {
  -readonly [K in OptionKey]: (typeof OPTIONS)[K] extends OptionDef<infer T> ? T : never;
};

/** The element's option properties as script sets them: booleans for flags, text for the rest. */
export type OptionProperties = {
  [K in OptionKey]: PickerOptions[K] extends boolean ? boolean : string | null;
};

/** Parses an attribute value, or returns the default for a missing one. */
export function parseOption<K extends OptionKey>(
  key: K,
  value: string | null | undefined,
): PickerOptions[K] {
  const def = OPTIONS[key] as OptionDef<PickerOptions[K]>;
  return value === null || value === undefined ? def.default : def.parse(value);
}

/** Every option parsed at once: invalid ones fall back to their defaults and are listed. */
export interface ResolvedOptions {
  options: PickerOptions;
  /** What could not be used, in table order. */
  errors: OptionError[];
  /** The options the page set (attribute or property), whatever their value. */
  given: ReadonlySet<OptionKey>;
}

/** A property's value as the attribute text its parser takes, or null when it is not set. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined || value === false) return null;
  if (value === true) return '';
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'number' || typeof value === 'string' ? String(value) : null;
}

export function resolveOptions(
  values: Readonly<Partial<Record<OptionKey, unknown>>>,
): ResolvedOptions {
  const options = {} as Record<OptionKey, unknown>;
  const errors: OptionError[] = [];
  const given = new Set<OptionKey>();
  for (const key of OPTION_KEYS) {
    const def: OptionDef<unknown> = OPTIONS[key];
    const text = asText(values[key]);
    if (text !== null) given.add(key);
    try {
      options[key] = text === null ? def.default : def.parse(text);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      errors.push(error);
      options[key] = def.default;
    }
  }
  return { options: options as PickerOptions, errors, given };
}
