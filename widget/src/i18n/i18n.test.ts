import { describe, expect, it } from 'vitest';
import { catalog, CATALOGS, countOf, fill, LANGS } from './index';

describe('language catalogues', () => {
  it('uses Russian plural forms after numbers', () => {
    const ru = catalog('ru');
    expect(countOf(ru, 1, ru.branches)).toBe('1 пункт');
    expect(countOf(ru, 3, ru.branches)).toBe('3 пункта');
    expect(countOf(ru, 11, ru.branches)).toBe('11 пунктов');
    expect(countOf(ru, 21, ru.branches)).toBe('21 пункт');
    expect(countOf(ru, 40216, ru.branches)).toBe('40\u00a0216 пунктов');
  });

  it('uses English plurals and grouping', () => {
    const en = catalog('en');
    expect(countOf(en, 1, en.branches)).toBe('1 branch');
    expect(countOf(en, 40216, en.branches)).toBe('40,216 branches');
  });

  it('finds every file in languages/, Russian first, and falls back to Russian', () => {
    expect(LANGS[0]).toBe('ru');
    expect(LANGS).toContain('en');
    // core/langs.ts names exactly the languages that have a catalogue file.
    expect(Object.keys(CATALOGS).sort()).toEqual([...LANGS].sort());
    expect(catalog('xx')).toBe(catalog('ru'));
  });

  it('has every key in every language', () => {
    const keys = Object.keys(catalog('ru')).sort();
    for (const catalog of Object.values(CATALOGS))
      expect(Object.keys(catalog).sort()).toEqual(keys);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('На карте {count}', { count: '5 пунктов' })).toBe('На карте 5 пунктов');
    expect(fill('{type} {code}', { type: 'Почтомат' })).toBe('Почтомат {code}');
  });
});
