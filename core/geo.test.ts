import { describe, expect, it } from 'vitest';
import { distanceMetres, inBox } from './geo';

describe('distanceMetres', () => {
  it('measures a degree of latitude as about 111.2 km anywhere', () => {
    // π·R/180 with R = 6,371,008.8 m: 111,195 m, a figure any geodesy table gives.
    expect(distanceMetres({ lon: 46, lat: 51 }, { lon: 46, lat: 52 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres({ lon: 140, lat: -10 }, { lon: 140, lat: -11 })).toBeCloseTo(111_195, -1);
  });

  it('measures Moscow to Saint Petersburg as the 634 km an atlas gives', () => {
    const moscow = { lon: 37.6173, lat: 55.7558 };
    const petersburg = { lon: 30.3351, lat: 59.9343 };
    expect(distanceMetres(moscow, petersburg) / 1000).toBeGreaterThan(632);
    expect(distanceMetres(moscow, petersburg) / 1000).toBeLessThan(636);
  });

  it('is zero from a point to itself and the same both ways', () => {
    const a = { lon: 46.03, lat: 51.53 };
    const b = { lon: 45.99, lat: 51.56 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBe(distanceMetres(b, a));
  });
});

describe('inBox', () => {
  it('takes the edges in and leaves the outside out', () => {
    expect(inBox({ lon: 46, lat: 51 }, [46, 51, 47, 52])).toBe(true);
    expect(inBox({ lon: 45.99, lat: 51.5 }, [46, 51, 47, 52])).toBe(false);
  });
});
