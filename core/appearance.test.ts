import { describe, expect, it } from 'vitest';
import { appearanceProperties, parseAppearance, textOn } from './appearance';

describe('parseAppearance', () => {
  it('reads every field, spelling colours one way', () => {
    expect(
      parseAppearance({ primary: '#1E8', radius: '6.4', font: 'PT Sans, sans-serif', height: 480 }),
    ).toEqual({ primary: '#11ee88', radius: 6, font: 'PT Sans, sans-serif', height: 480 });
  });

  it.each([
    [{ primary: 'green' }, /primary must be a colour written #rrggbb/],
    [{ primary: 'red; background: url(x)' }, /primary must be a colour/],
    [{ radius: Number('1e400') }, /radius must be pixels from 0 to 24/],
    [{ radius: -1 }, /radius must be pixels/],
    [{ height: 100 }, /height must be pixels from 240 to 1600/],
    [{ font: 'x; } :host { display: none' }, /font must be font names/],
    [{ colour: '#000000' }, /colour is not part of the appearance/],
    [JSON.parse('{"__proto__": "#000000"}') as object, /__proto__ is not part of the appearance/],
    [[], /must be an object/],
  ])('refuses %j, naming the field and what it takes', (value, message) => {
    expect(() => parseAppearance(value)).toThrow(message);
  });
});

describe('textOn', () => {
  it.each([
    ['#0a5bd3', '#ffffff'],
    ['#000000', '#ffffff'],
    // White on these reads below 4.5:1, so labels turn dark.
    ['#1e8e3e', '#000000'],
    ['#ffcc00', '#000000'],
    ['#ffffff', '#000000'],
  ])('puts readable labels on %s', (primary, text) => {
    expect(textOn(primary)).toBe(text);
  });

  it('reads at 4.5:1 or better on every grey and every hue', () => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => {
        const v = parseInt(hex.slice(i, i + 2), 16) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    for (let i = 0; i < 4096; i++) {
      const hex = `#${[i >> 8, (i >> 4) & 15, i & 15].map((n) => (n * 17).toString(16).padStart(2, '0')).join('')}`;
      const [a, b] = [lum(hex), lum(textOn(hex))].sort((x, y) => y - x);
      expect((a! + 0.05) / (b! + 0.05), hex).toBeGreaterThanOrEqual(4.5);
    }
  });
});

it('sets the primary colour, the focus ring and the label colour together', () => {
  expect(appearanceProperties({ primary: '#1e8e3e', radius: 4, height: 500 })).toEqual({
    '--bp-primary': '#1e8e3e',
    '--bp-focus': '#1e8e3e',
    '--bp-primary-contrast': '#000000',
    '--bp-radius': '4px',
    height: '500px',
  });
});
