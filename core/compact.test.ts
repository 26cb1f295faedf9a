import { describe, expect, it } from 'vitest';
import type { Branch, BranchHours } from './branch';
import { makeBranch } from './branch.fixture';
import {
  COMPACT_FORMAT,
  CompactFormatError,
  decodeCompact,
  encodeCompact,
  toPoint,
} from './compact';

const open9to18: BranchHours = {
  weekly: {
    mon: { open: '09:00', close: '18:00', breaks: [{ from: '13:00', to: '14:00' }] },
    tue: { open: '09:00', close: '18:00', breaks: [] },
    wed: null,
    thu: { open: '09:00', close: '18:00', breaks: [] },
    fri: { open: '09:00', close: '18:00', breaks: [] },
    sat: null,
    sun: null,
  },
  exceptions: [{ date: '2027-01-01', hours: null }],
};
const allDay: BranchHours = {
  weekly: {
    mon: { open: '00:00', close: '24:00', breaks: [] },
    tue: { open: '00:00', close: '24:00', breaks: [] },
    wed: { open: '00:00', close: '24:00', breaks: [] },
    thu: { open: '00:00', close: '24:00', breaks: [] },
    fri: { open: '00:00', close: '24:00', breaks: [] },
    sat: { open: '00:00', close: '24:00', breaks: [] },
    sun: { open: '00:00', close: '24:00', breaks: [] },
  },
  exceptions: [],
};

const branch = (id: string, overrides: Partial<Branch> = {}): Branch =>
  makeBranch(id, {
    hours: open9to18,
    payments: { card: true, cash: true, cod: false },
    services: ['returns'],
    ...overrides,
  });

const fixture: Branch[] = [
  branch('410012'),
  branch('101000', { location: { lat: 55.75222, lon: 37.61556 }, timezone: 'Europe/Moscow' }),
  branch('689000', {
    location: { lat: 64.73424, lon: 177.5103 },
    timezone: 'Asia/Anadyr',
    temporarilyClosed: true,
  }),
  branch('689999', {
    type: 'parcel_locker',
    location: { lat: 66.1, lon: -169.78901 },
    timezone: 'Asia/Anadyr',
    hours: allDay,
    payments: { card: true, cash: false, cod: true },
  }),
  branch('410967', {
    type: 'pickup_point',
    postalCode: '410012',
    location: { lat: -0.00001, lon: 0 },
  }),
];

describe('compact transport', () => {
  it('round-trips every carried field exactly, in id order', () => {
    const decoded = decodeCompact(JSON.parse(JSON.stringify(encodeCompact(fixture))));
    const expected = fixture.map(toPoint).sort((a, b) => Number(a.id) - Number(b.id));
    expect(decoded).toEqual(expected);
  });

  it('round-trips ids that are not numbers, such as another carrier’s codes', () => {
    const mixed = [branch('PVZ-77:a', { postalCode: '410012' }), branch('0012'), branch('410012')];
    const decoded = decodeCompact(JSON.parse(JSON.stringify(encodeCompact(mixed))));
    expect(decoded.map((p) => p.id).sort()).toEqual(['0012', '410012', 'PVZ-77:a']);
    expect(decoded.find((p) => p.id === 'PVZ-77:a')?.postalCode).toBe('410012');
    expect(decoded.find((p) => p.id === '0012')?.postalCode).toBe('0012');
  });

  it('stores a schedule shared by many branches once', () => {
    const many = Array.from({ length: 50 }, (_, i) => branch(String(410000 + i)));
    const compact = encodeCompact(many);
    expect(compact.dict.hours).toHaveLength(1);
    expect(compact.idDelta?.slice(1).every((d) => d === 1)).toBe(true);
  });

  it('rejects a payload of another format, saying which', () => {
    expect(() => decodeCompact({ format: 'geojson' })).toThrow(CompactFormatError);
    expect(() => decodeCompact({ format: 'geojson' })).toThrow(/"geojson"/);
    expect(() => decodeCompact(null)).toThrow(/expected an object/);
  });

  it('rejects columns whose length differs from the count', () => {
    const compact = encodeCompact(fixture);
    compact.lat.pop();
    expect(() => decodeCompact(compact)).toThrow(/column "lat"/);
    expect(COMPACT_FORMAT).toBe(compact.format);
  });
});
