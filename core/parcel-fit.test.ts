import { describe, expect, it } from 'vitest';
import { fittingCell, fitsParcel } from './parcel-fit';

const locker = {
  maxWeight: 15_000,
  cells: [
    { name: 'S', length: 64, width: 38, height: 8 },
    { name: 'M', length: 64, width: 38, height: 19 },
    { name: 'L', length: 64, width: 38, height: 41 },
  ],
};

describe('parcel fit', () => {
  it('picks the smallest locker cell the parcel fits, in any orientation', () => {
    expect(fittingCell(locker, { weight: 1000, size: [30, 20, 5] })).toBe('S');
    expect(fittingCell(locker, { weight: 1000, size: [15, 60, 30] })).toBe('M');
    expect(fittingCell(locker, { weight: 1000, size: [40, 40, 38] })).toBe('L');
  });

  it('refuses a parcel too big for every cell, or too heavy', () => {
    expect(fitsParcel(locker, { weight: 1000, size: [70, 10, 10] })).toBe(false);
    expect(fitsParcel(locker, { weight: 16_000, size: null })).toBe(false);
    expect(fitsParcel(locker, { weight: 15_000, size: null })).toBe(true);
  });
});
