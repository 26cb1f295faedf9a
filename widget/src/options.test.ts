import { describe, expect, it } from 'vitest';
import {
  OPTION_KEYS,
  OPTION_PROPERTIES,
  OPTIONS,
  OptionError,
  parcelOf,
  parseOption,
  resolveOptions,
  sessionKey,
  styleUrlFor,
  type OptionKey,
  type PickerOptions,
} from './options';

describe('element options', () => {
  it('parses a centre as longitude,latitude', () => {
    expect(parseOption('center', '46.03, 51.53')).toEqual([46.03, 51.53]);
  });

  it('rejects a centre with latitude out of range, saying what is allowed', () => {
    expect(() => parseOption('center', '46,151')).toThrow(OptionError);
    expect(() => parseOption('center', '46,151')).toThrow(/center="46,151".*longitude,latitude/);
  });

  it('accepts known branch types and names the allowed ones for an unknown one', () => {
    expect(parseOption('types', 'parcel_locker, pickup_point')).toEqual([
      'parcel_locker',
      'pickup_point',
    ]);
    expect(() => parseOption('types', 'post_office,kiosk')).toThrow(
      /post_office, parcel_locker, pickup_point/,
    );
  });

  it('limits zoom to 0–20 and language and theme to their lists', () => {
    expect(parseOption('zoom', '7.5')).toBe(7.5);
    expect(() => parseOption('zoom', '25')).toThrow(/0 to 20/);
    expect(() => parseOption('zoom', '')).toThrow(/0 to 20/);
    expect(parseOption('lang', 'EN')).toBe('en');
    expect(() => parseOption('lang', 'de')).toThrow(/ru, en/);
    expect(() => parseOption('theme', 'blue')).toThrow(/light, dark, auto/);
  });

  it('returns documented defaults for missing attributes', () => {
    expect(parseOption('lang', null)).toBe('ru');
    expect(parseOption('theme', null)).toBe('light');
    expect(parseOption('types', null)).toEqual([]);
    expect(parseOption('center', null)).toBeNull();
  });

  it('draws the proxy’s own map for a blank map-style, as a template writes an unset field', () => {
    const options = { ...resolveOptions({}).options, api: 'https://picker.example.com/' };
    for (const blank of ['', '  ']) {
      const mapStyle = parseOption('mapStyle', blank);
      expect(mapStyle).toBeNull();
      expect(styleUrlFor({ ...options, mapStyle }, false)).toBe(
        'https://picker.example.com/basemap/style.json',
      );
    }
    expect(parseOption('mapStyle', 'https://tiles.openfreemap.org/styles/liberty')).toBe(
      'https://tiles.openfreemap.org/styles/liberty',
    );
  });
});

/** One attribute value per option, and what it must parse to: every option has a row. */
const SAMPLES: { [K in OptionKey]: [text: string, parsed: PickerOptions[K]] } = {
  api: ['https://picker.example.com/', 'https://picker.example.com/'],
  lang: ['en', 'en'],
  types: ['parcel_locker,post_office', ['parcel_locker', 'post_office']],
  center: ['46.03,51.53', [46.03, 51.53]],
  zoom: ['12', 12],
  selected: [' 410012 ', '410012'],
  mapStyle: ['https://tiles.example.com/style.json', 'https://tiles.example.com/style.json'],
  theme: ['Dark', 'dark'],
  mode: ['modal', 'modal'],
  from: ['101000', '101000'],
  weight: ['2500', 2500],
  value: ['1500,50', 1500.5],
  cod: ['', 'value'],
  service: ['ems', 'ems'],
  size: ['30x20x10', [30, 20, 10]],
  noList: ['', true],
  noSearch: ['false', false],
  noGeolocation: ['', true],
  noRemember: ['', true],
  history: ['', true],
  filters: ['open-now, types', ['types', 'open-now']],
  phoneStart: ['List', 'list'],
  config: ['abc123def456', 'abc123def456'],
};

describe('the options table', () => {
  it('has a sample for every option, and every sample parses as its attribute says', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...OPTION_KEYS].sort());
    for (const key of OPTION_KEYS)
      expect(parseOption(key, SAMPLES[key][0]), OPTIONS[key].attribute).toEqual(SAMPLES[key][1]);
  });

  it('gives each option a reactive property on its attribute, Boolean for flags', () => {
    for (const key of OPTION_KEYS) {
      const property = OPTION_PROPERTIES[key]!;
      expect(property.attribute).toBe(OPTIONS[key].attribute);
      expect(property.type).toBe(OPTIONS[key].kind === 'flag' ? Boolean : String);
    }
    expect(OPTION_PROPERTIES.mode).toMatchObject({ reflect: true });
  });

  it('resolves every option at once: values as set, the rest at their defaults', () => {
    const { options, errors, given } = resolveOptions({
      zoom: 7,
      types: ['pickup_point'],
      noList: true,
      noSearch: false,
    });
    expect(errors).toEqual([]);
    expect([...given].sort()).toEqual(['noList', 'types', 'zoom']);
    expect(options).toMatchObject({
      zoom: 7,
      types: ['pickup_point'],
      noList: true,
      noSearch: false,
      lang: 'ru',
      weight: 1000,
    });
  });

  it('keeps the valid options when one is wrong, and names the wrong one', () => {
    const { options, errors } = resolveOptions({ zoom: '25', theme: 'dark' });
    expect(errors.map((e) => e.attribute)).toEqual(['zoom']);
    expect(errors[0]).toBeInstanceOf(OptionError);
    expect(errors[0]!.code).toBe('invalid-option');
    expect(options).toMatchObject({ zoom: null, theme: 'dark' });
  });

  it('starts again only for what the map and network are built from', () => {
    const key = (values: Record<string, unknown>, dark = false) =>
      sessionKey(resolveOptions({ api: 'https://p.example/', ...values }), dark);
    expect(key({ weight: '500' })).toBe(key({ weight: '900', zoom: '3' }));
    expect(key({ lang: 'en' })).not.toBe(key({}));
    expect(key({ types: 'post_office' })).not.toBe(key({}));
    expect(key({ theme: 'auto' }, true)).not.toBe(key({ theme: 'auto' }, false));
    expect(key({ zoom: '25' })).toMatch(/^invalid: .*zoom="25"/);
  });

  it('knows the parcel when the page says anything about it', () => {
    expect(parcelOf(resolveOptions({}))).toBeNull();
    expect(parcelOf(resolveOptions({ weight: '1000' }))).toEqual({ weight: 1000, size: null });
    expect(parcelOf(resolveOptions({ size: '30x20x10' }))).toEqual({
      weight: 1000,
      size: [30, 20, 10],
    });
  });
});
