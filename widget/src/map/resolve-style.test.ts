import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { absolutizeStyle, resolveTemplate } from './resolve-style';

describe('style URL resolution', () => {
  it('resolves relative tile templates against the style URL and keeps the placeholders', () => {
    expect(resolveTemplate('tiles/{z}/{x}/{y}.pbf', 'http://proxy.test/basemap/style.json')).toBe(
      'http://proxy.test/basemap/tiles/{z}/{x}/{y}.pbf',
    );
  });

  it('leaves absolute URLs and custom protocols alone', () => {
    expect(resolveTemplate('https://tiles.example/{z}.pbf', 'http://proxy.test/s.json')).toBe(
      'https://tiles.example/{z}.pbf',
    );
    expect(resolveTemplate('pmtiles://data.pmtiles', 'http://proxy.test/s.json')).toBe(
      'pmtiles://data.pmtiles',
    );
  });

  it('makes sources, glyphs, sprites and font faces absolute without touching the input', () => {
    const style = {
      version: 8,
      glyphs: 'fonts/{fontstack}/{range}.pbf',
      sprite: 'sprites/basic',
      'font-faces': {
        'PT Sans Regular': [{ url: 'fonts/pt.woff2', 'unicode-range': ['U+0400-045F'] }],
      },
      sources: {
        a: { type: 'vector', tiles: ['tiles/{z}/{x}/{y}.pbf'] },
        b: { type: 'geojson', data: 'data/places.json' },
        c: { type: 'vector', url: '../tilejson.json' },
      },
      layers: [],
    } as unknown as StyleSpecification;
    const out = absolutizeStyle(
      style,
      'http://proxy.test/bp/basemap/style.json',
    ) as unknown as Record<string, never>;
    expect(out).toMatchObject({
      glyphs: 'http://proxy.test/bp/basemap/fonts/{fontstack}/{range}.pbf',
      sprite: 'http://proxy.test/bp/basemap/sprites/basic',
      'font-faces': { 'PT Sans Regular': [{ url: 'http://proxy.test/bp/basemap/fonts/pt.woff2' }] },
      sources: {
        a: { tiles: ['http://proxy.test/bp/basemap/tiles/{z}/{x}/{y}.pbf'] },
        b: { data: 'http://proxy.test/bp/basemap/data/places.json' },
        c: { url: 'http://proxy.test/bp/tilejson.json' },
      },
    });
    expect((style as unknown as { glyphs: string }).glyphs).toBe('fonts/{fontstack}/{range}.pbf');
  });
});
