import { describe, expect, it } from 'vitest';
import { OptionError, parseOption } from './options';

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
});
