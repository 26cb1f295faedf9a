/**
 * element-types.d.ts, which the React and Vue typings build on, names every attribute with the
 * values it takes and every event with its detail.
 */
import { describe, expect, it } from 'vitest';
import { OPTIONS, type OptionDef } from '../widget/src/options';
import { readElementApi } from './element-api';
import { camelCase, elementTypings } from './element-typings';

const api = readElementApi(OPTIONS);
const typings = elementTypings(api);

describe('element-types.d.ts', () => {
  it('names every attribute of the options table', () => {
    for (const { attribute } of Object.values(OPTIONS))
      expect(typings).toMatch(new RegExp(`^  '?${attribute}'?\\?: `, 'm'));
  });

  it('types a flag as boolean, a choice as its values and a number as either form', () => {
    expect(typings).toContain("  'no-list'?: boolean;");
    expect(typings).toContain("  mode?: 'inline' | 'modal';");
    expect(typings).toContain('  weight?: number | string;');
  });

  it('names every event with its detail type', () => {
    for (const { name, detail } of api.events)
      expect(typings).toContain(`  '${name}': CustomEvent<${detail}>;`);
  });

  it('refuses an option whose property is not its attribute in camelCase', () => {
    const odd: OptionDef<boolean> = { ...OPTIONS.noList, attribute: 'hide-list' };
    expect(() => elementTypings(readElementApi({ noList: odd }))).toThrow(/hide-list/);
  });

  it('camel-cases attributes as the element names its properties', () => {
    expect(camelCase('no-geolocation')).toBe('noGeolocation');
    expect(camelCase('api')).toBe('api');
  });
});
