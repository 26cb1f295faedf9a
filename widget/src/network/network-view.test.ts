import { describe, expect, it } from 'vitest';
import type { DayHours } from '#core/branch';
import { closedWeek, makeBranch } from '#core/branch.fixture';
import { toPoint, type BranchPoint } from '#core/compact';
import { NetworkView } from './network-view';
import { NO_FILTERS, type ViewRequest } from './protocol';

const day = (open: string, close: string): DayHours => ({ open, close, breaks: [] });
const weekdays = (hours: DayHours | null) => ({
  ...closedWeek(),
  weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: null, sun: null },
});

// Saratov, UTC+4 all year. Wednesday 2027-03-10 at 12:00 local is 08:00 UTC.
const WEDNESDAY_NOON = Date.parse('2027-03-10T08:00:00Z');
const SARATOV = { lon: 46.03, lat: 51.53 };

/** Four branches in town, a few hundred metres apart, and a locker far away in Moscow. */
function network(): BranchPoint[] {
  const office = (id: string, dLon: number, overrides = {}) =>
    toPoint(
      makeBranch(id, {
        location: { lon: SARATOV.lon + dLon, lat: SARATOV.lat },
        hours: weekdays(day('08:00', '20:00')),
        ...overrides,
      }),
    );
  return [
    office('410001', 0.001),
    office('410002', 0.004, { payments: { card: false, cash: true, cod: true } }),
    office('410003', 0.008, {
      hours: { ...closedWeek(), weekly: { ...closedWeek().weekly, sat: day('10:00', '14:00') } },
    }),
    office('410004', 0.012, { type: 'parcel_locker', hours: weekdays(day('00:00', '24:00')) }),
    toPoint(makeBranch('101000', { type: 'parcel_locker', location: { lon: 37.62, lat: 55.75 } })),
  ];
}

const view = (overrides: Partial<Omit<ViewRequest, 'op'>> = {}) => ({
  bbox: [45.9, 51.4, 46.2, 51.7] as [number, number, number, number],
  zoom: 16,
  origin: SARATOV,
  listLimit: 100,
  ...overrides,
});

function loaded(now = WEDNESDAY_NOON): NetworkView {
  const v = new NetworkView(() => now);
  v.load(network(), []);
  return v;
}

describe('network view', () => {
  it('lists the branches in view nearest first, with their distance in metres', () => {
    const { list, inView } = loaded().view(view());
    expect(inView).toBe(4);
    expect(list.map((r) => r.id)).toEqual(['410001', '410002', '410003', '410004']);
    // 0.001° of longitude at 51.53° N is 69.2 m (111,195 m × cos 51.53°).
    expect(list[0]!.distance).toBeGreaterThanOrEqual(68);
    expect(list[0]!.distance).toBeLessThanOrEqual(70);
  });

  it('counts the view exactly, whatever the clusters, and caps the list without capping the count', () => {
    const result = loaded().view(view({ zoom: 3, listLimit: 2 }));
    expect(result.inView).toBe(4);
    expect(result.list).toHaveLength(2);
    const shown = result.features.reduce((s, f) => s + (f.kind === 'cluster' ? f.count : 1), 0);
    expect(shown).toBe(4);
  });

  it('keeps only the site’s types from the start', () => {
    const v = new NetworkView(() => WEDNESDAY_NOON);
    expect(v.load(network(), ['parcel_locker'])).toEqual({ count: 2 });
    expect(v.view(view()).list.map((r) => r.id)).toEqual(['410004']);
  });

  it('filters by card, weekends and open now, and the count follows', () => {
    const v = loaded();
    expect(v.filter({ ...NO_FILTERS, card: true })).toEqual({ count: 4 });
    expect(v.view(view()).list.map((r) => r.id)).toEqual(['410001', '410003', '410004']);
    expect(v.filter({ ...NO_FILTERS, weekends: true })).toEqual({ count: 1 });
    expect(v.filter({ ...NO_FILTERS, openNow: true })).toEqual({ count: 3 }); // Moscow's locker keeps no hours
    expect(v.view(view()).list.map((r) => r.id)).toEqual(['410001', '410002', '410004']);
  });

  it('counts each type as its chip would show it: every filter applied but the type one', () => {
    const v = loaded();
    v.filter({ ...NO_FILTERS, types: ['post_office'], card: true });
    const { byType, inView } = v.view(view());
    expect(inView).toBe(2);
    expect(byType).toEqual({ post_office: 2, parcel_locker: 1, pickup_point: 0 });
  });

  it('gives each row today’s hours and its opening state in the branch’s own zone', () => {
    const rows = loaded().view(view()).list;
    expect(rows[0]).toMatchObject({ today: '08:00–20:00', state: { open: true } });
    expect(rows[0]!.state.closesAt?.time).toBe('20:00');
    expect(rows[2]).toMatchObject({ today: null, state: { open: false } });
    expect(rows[2]!.state.opensAt).toMatchObject({ time: '10:00', dayOffset: 3 });
    expect(rows[3]).toMatchObject({ today: '00:00–24:00', state: { open: true } });
  });

  it('applies open-now again when the minute changes, so the filter and the rows agree', () => {
    let now = Date.parse('2027-03-10T15:59:30Z'); // 19:59:30 in Saratov
    const v = new NetworkView(() => now);
    v.load(network(), []);
    v.filter({ ...NO_FILTERS, openNow: true });
    expect(v.view(view()).inView).toBe(3);
    now += 60_000; // 20:00:30: the offices have closed, the locker has not
    const after = v.view(view());
    expect(after.inView).toBe(1);
    expect(after.list.map((r) => [r.id, r.state.open])).toEqual([['410004', true]]);
  });

  it('finds the nearest branch anywhere, after the filters', () => {
    const v = loaded();
    expect(v.nearest({ lon: 37.6, lat: 55.7 }).nearest?.id).toBe('101000');
    v.filter({ ...NO_FILTERS, types: ['post_office'] });
    expect(v.nearest({ lon: 37.6, lat: 55.7 }).nearest?.id).toBe('410001');
    v.filter({ ...NO_FILTERS, weekends: true, types: ['parcel_locker'] });
    expect(v.nearest({ lon: 37.6, lat: 55.7 }).nearest).toBeNull();
  });

  it('tells the zoom at which a cluster of the view splits', () => {
    const v = loaded();
    const cluster = v.view(view({ zoom: 3 })).features.find((f) => f.kind === 'cluster');
    expect(cluster?.kind).toBe('cluster');
    if (cluster?.kind !== 'cluster') return;
    expect(v.expansionZoom(cluster.id).zoom).toBeGreaterThan(3);
  });
});
