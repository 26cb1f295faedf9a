import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Branch } from '#core/branch';
import { offsetMinutes } from '#core/open-now';
import { generateDemoNetwork } from './generate';
import { LandMask } from './land-mask';
import { REGIONS } from '../regions';

const sha = (branches: Branch[]): string =>
  createHash('sha256').update(JSON.stringify(branches)).digest('hex');

/** A fixed winter day, to compare zones' UTC offsets on. */
const WINTER_DAY = Date.parse('2027-01-15T12:00:00Z');

describe('demo network', () => {
  let network: Branch[];
  beforeAll(() => {
    network = generateDemoNetwork();
  });

  it('is the same bytes for the same seed, and different for another seed', () => {
    expect(sha(generateDemoNetwork())).toBe(sha(network));
    const other = generateDemoNetwork({ seed: 'another seed' });
    expect(sha(other)).not.toBe(sha(network));
    expect(other).toHaveLength(network.length);
  });

  it('holds 36,000 post offices, 3,000 parcel lockers and 1,500 pickup points', () => {
    const count = (type: Branch['type']) => network.filter((b) => b.type === type).length;
    expect(count('post_office')).toBe(36_000);
    expect(count('parcel_locker')).toBe(3_000);
    expect(count('pickup_point')).toBe(1_500);
  });

  it('gives every branch a unique id equal to its six-digit postal code, in its region’s range', () => {
    expect(new Set(network.map((b) => b.id)).size).toBe(network.length);
    const prefixesByRegion = new Map(
      Object.values(REGIONS).map((r) => [r.name, new Set(r.postal)]),
    );
    const offenders = network.filter(
      (b) =>
        !/^[1-9]\d{5}$/.test(b.postalCode) ||
        b.id !== b.postalCode ||
        !prefixesByRegion.get(b.address.region)?.has(Number(b.postalCode.slice(0, 3))),
    );
    expect(offenders).toEqual([]);
  });

  it('places the capital’s offices first in its region: Saratov has 410012, Moscow 101000s', () => {
    const byId = new Map(network.map((b) => [b.id, b]));
    expect(byId.get('410012')?.address.city).toBe('Саратов');
    expect(byId.get('101001')?.address.city).toBe('Москва');
  });

  it('spreads branches over Russia in proportion to people: Moscow has hundreds, lockers only in big towns', () => {
    const inCity = (city: string) => network.filter((b) => b.address.city === city);
    const moscow = inCity('Москва');
    expect(moscow.length).toBeGreaterThan(800);
    expect(moscow.filter((b) => b.type === 'parcel_locker').length).toBeGreaterThan(300);
    const lockerTowns = new Set(
      network.filter((b) => b.type === 'parcel_locker').map((b) => b.address.city),
    );
    // Towns of 50,000 people and more: a few hundred in Russia.
    expect(lockerTowns.size).toBeGreaterThan(150);
    expect(lockerTowns.size).toBeLessThan(400);
    const villages = network.filter((b) => /, (с\.|д\.|пос\.|пгт) /.test(b.address.full));
    expect(villages.length).toBeGreaterThan(15_000);
  });

  it('keeps every branch inside Russia and on dry land', () => {
    const mask = LandMask.load();
    const outside = network.filter(
      ({ location: { lat, lon } }) => lat < 41 || lat > 82 || (lon < 19 && lon > -168),
    );
    expect(outside).toEqual([]);
    const wet = network.filter(({ location: { lat, lon } }) => !mask.isDry(lon, lat)).length;
    // A town whose centre lies on the coast may keep a branch at the centre itself.
    expect(wet / network.length).toBeLessThan(0.002);
  });

  it('uses the region’s IANA time zone, across at least eleven UTC offsets', () => {
    const zones = new Set(network.map((b) => b.timezone));
    const offsets = new Set([...zones].map((zone) => offsetMinutes(WINTER_DAY, zone)));
    expect(offsets.size).toBeGreaterThanOrEqual(11);
    expect(network.find((b) => b.address.city === 'Владивосток')?.timezone).toBe(
      'Asia/Vladivostok',
    );
    expect(network.find((b) => b.address.city === 'Калининград')?.timezone).toBe(
      'Europe/Kaliningrad',
    );
  });

  it('gives city offices long days and Saturdays, village offices lunch breaks and two days off, lockers 24/7', () => {
    const offices = network.filter((b) => b.type === 'post_office');
    const moscowOffices = offices.filter((b) => b.address.city === 'Москва');
    const longDays = moscowOffices.filter((b) => {
      const d = b.hours.weekly.tue ?? b.hours.weekly.wed;
      return d !== null && d.close >= '19:00' && b.hours.weekly.sat !== null;
    });
    expect(longDays.length / moscowOffices.length).toBeGreaterThan(0.7);

    const village = offices.filter((b) => /, (с\.|д\.) /.test(b.address.full));
    const daysOff = (b: Branch) => Object.values(b.hours.weekly).filter((d) => d === null).length;
    expect(village.filter((b) => daysOff(b) >= 2).length / village.length).toBeGreaterThan(0.95);
    const withLunch = village.filter((b) =>
      Object.values(b.hours.weekly).some((d) => d && d.breaks.length > 0),
    );
    expect(withLunch.length / village.length).toBeGreaterThan(0.5);

    const lockers = network.filter((b) => b.type === 'parcel_locker');
    const allDay = lockers.filter((b) =>
      Object.values(b.hours.weekly).every((d) => d?.open === '00:00' && d.close === '24:00'),
    );
    expect(allDay.length / lockers.length).toBeGreaterThan(0.7);
    expect(allDay.length / lockers.length).toBeLessThan(0.9);
  });

  it('sets payments by kind: offices take cash and COD, lockers cards only, village offices cards less often', () => {
    const share = (list: Branch[], test: (b: Branch) => boolean) =>
      list.filter(test).length / list.length;
    const offices = network.filter((b) => b.type === 'post_office');
    expect(share(offices, (b) => b.payments.cash && b.payments.cod)).toBe(1);
    const lockers = network.filter((b) => b.type === 'parcel_locker');
    expect(share(lockers, (b) => b.payments.card && !b.payments.cash)).toBe(1);
    const city = offices.filter((b) => b.address.city === 'Москва');
    const village = offices.filter((b) => /, (с\.|д\.) /.test(b.address.full));
    expect(share(city, (b) => b.payments.card)).toBeGreaterThan(0.9);
    expect(share(village, (b) => b.payments.card)).toBeLessThan(0.6);
  });

  it('marks every record as demo data', () => {
    expect(network.every((b) => b.source === 'demo')).toBe(true);
  });
});
