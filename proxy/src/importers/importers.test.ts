import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './format';
import { readImport } from './run-import';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));
const zip = (files: Record<string, Buffer>): Buffer =>
  Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([n, d]) => [n, new Uint8Array(d)]))),
  );
const passportZip = (): Buffer => zip({ 'ALL28_Ноябрь_2026.txt': fixture('passport.json') });

describe('Russian Post passport dump', () => {
  it('reads a zip with one JSON file into branches: type, address, hours, holidays, payments, zone', () => {
    const { format, accepted } = readImport(passportZip(), { fileName: 'passport.zip' });
    expect(format).toBe('pochta-passport');
    const village = accepted.find((b) => b.id === '216236')!;
    expect(village).toMatchObject({
      type: 'post_office',
      name: 'Добрино 216236',
      postalCode: '216236',
      address: {
        full: '216236, Смоленская область, р-н Духовщинский, д. Добрино, ул. Пляжная, 7',
        region: 'Смоленская область',
        city: 'Добрино',
        street: 'ул. Пляжная',
        house: '7',
      },
      location: { lat: 55.612752, lon: 32.433259 },
      timezone: 'Europe/Moscow',
      payments: { card: false, cash: true, cod: true },
      services: ['returns'],
      source: 'pochta-passport',
    });
    expect(village.hours.weekly.mon).toBeNull();
    expect(village.hours.weekly.tue).toEqual({
      open: '09:00',
      close: '15:30',
      breaks: [{ from: '12:00', to: '13:00' }],
    });
    expect(village.hours.weekly.sat).toEqual({ open: '09:00', close: '14:00', breaks: [] });
    // A holiday range: the 30th worked short, the 31st closed.
    expect(village.hours.exceptions).toEqual([
      {
        date: '2026-12-30',
        hours: { open: '09:00', close: '14:30', breaks: [{ from: '12:00', to: '13:00' }] },
      },
      { date: '2026-12-31', hours: null },
    ]);
  });

  it('maps kinds, day ranges, 24-hour lockers, weight limits and brand names', () => {
    const { accepted } = readImport(passportZip(), { fileName: 'passport.zip' });
    const byId = new Map(accepted.map((b) => [b.id, b]));
    const saratov = byId.get('410012')!;
    expect(saratov.hours.weekly.fri).toEqual({ open: '08:00', close: '20:00', breaks: [] });
    expect(saratov.hours.weekly.sun).toBeNull();
    expect(saratov.limits.maxWeight).toBe(20_000);
    expect(saratov.timezone).toBe('Europe/Saratov');
    expect(saratov.services).toEqual(['fitting', 'partial-pickup', 'returns', 'contents-check']);
    const locker = byId.get('690091')!;
    expect(locker.type).toBe('parcel_locker');
    expect(locker.timezone).toBe('Asia/Vladivostok');
    expect(locker.hours.weekly.sun).toEqual({ open: '00:00', close: '24:00', breaks: [] });
    expect(locker.address.house).toBe('1, корп. 2');
    const pickup = byId.get('101000')!;
    expect(pickup).toMatchObject({
      type: 'pickup_point',
      name: 'Пункт выдачи «Книжная лавка» 101000, Москва',
    });
    // The region that repeats the city is said once.
    expect(pickup.address.full).toBe('101000, Москва, ул. Мясницкая, 3');
  });

  it('reports each broken element by its index and field, and keeps the rest', () => {
    const { read, accepted, problems } = readImport(passportZip(), { fileName: 'passport.zip' });
    expect(read).toBe(6);
    expect(accepted).toHaveLength(4);
    expect(problems).toEqual([
      { where: 'passportElements[4]', field: 'latitude', message: '"не указана" is not a number' },
      {
        where: 'passportElements[5]',
        field: 'workTime',
        message: expect.stringContaining('"пн, иногда открыто" does not read as hours'),
      },
    ]);
  });

  it('rejects a real element whose hours were cut short, naming the line, and keeps the other seven', () => {
    // A real dump excerpt (research/real-samples): the last element's workTime ends at "вт, открыто:".
    const { read, accepted, problems, warnings } = readImport(fixture('passport-real-8.json'), {
      fileName: 'ALL.txt',
    });
    expect(read).toBe(8);
    expect(accepted).toHaveLength(7);
    expect(problems).toEqual([
      {
        where: 'passportElements[7]',
        field: 'workTime',
        message: expect.stringContaining('"вт, открыто:" does not read as hours'),
      },
    ]);
    expect(warnings).toEqual([]);
    // The seven read as written: 412831 opens on Tuesday, Thursday and Saturday only.
    const week = accepted.find((b) => b.postalCode === '412831')!.hours.weekly;
    expect(week.tue).toEqual({ open: '11:00', close: '15:00', breaks: [] });
    expect([week.mon, week.wed, week.fri, week.sun]).toEqual([null, null, null, null]);
  });

  it('warns, naming the row and the days, when hours leave weekdays out', () => {
    const dump = JSON.parse(fixture('passport-real-8.json').toString('utf8')) as {
      passportElements: { workTime: string[] }[];
    };
    dump.passportElements = dump.passportElements.slice(0, 1);
    dump.passportElements[0]!.workTime = ['пн, открыто: 09:00 - 18:00', 'вт, выходной'];
    const { accepted, warnings } = readImport(Buffer.from(JSON.stringify(dump)), {
      fileName: 'ALL.txt',
    });
    expect(accepted).toHaveLength(1);
    expect(warnings).toEqual([
      {
        where: 'passportElements[0]',
        field: 'workTime',
        message: expect.stringMatching(
          /^names no hours for wed, thu, fri, sat, sun: imported as days off/,
        ),
      },
    ]);
  });

  it('reads the dump unzipped as well', () => {
    expect(readImport(fixture('passport.json'), { fileName: 'ALL.txt' }).accepted).toHaveLength(4);
  });

  it('refuses a zip that is not one JSON file, or not a passport, saying what it holds', () => {
    const two = zip({ 'a.txt': Buffer.from('{}'), 'b.txt': Buffer.from('{}') });
    expect(() => readImport(two, { fileName: 'two.zip' })).toThrow(
      /should hold one JSON text file, holds 2: a.txt, b.txt/,
    );
    const other = zip({ 'a.txt': Buffer.from('{"items": []}') });
    expect(() => readImport(other, { fileName: 'other.zip' })).toThrow(
      /no "passportElements" array/,
    );
    const broken = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('not really a zip'),
    ]);
    expect(() => readImport(broken, { fileName: 'broken.zip' })).toThrow(ImportError);
  });
});

describe('Otpravka post-office JSON', () => {
  it('reads working hours by weekday id, lunches, holidays with schedules, and closure', () => {
    const { format, accepted, problems } = readImport(fixture('otpravka.json'), {
      fileName: 'offices.json',
    });
    expect(format).toBe('otpravka');
    const moscow = accepted.find((b) => b.id === '115551')!;
    expect(moscow).toMatchObject({
      type: 'post_office',
      name: 'Москва 115551',
      address: {
        full: '115551, Москва, Домодедовская ул, 20, к.3, стр.2',
        region: 'Москва',
        city: 'Москва',
      },
      location: { lat: 55.612772, lon: 37.704862 },
      timezone: 'Europe/Moscow',
      temporarilyClosed: false,
      source: 'otpravka',
    });
    expect(moscow.hours.weekly.tue).toEqual({
      open: '08:00',
      close: '20:00',
      breaks: [{ from: '14:00', to: '14:30' }],
    });
    expect(moscow.hours.weekly.sun).toEqual({ open: '09:00', close: '18:00', breaks: [] });
    expect(moscow.hours.exceptions).toEqual([
      { date: '2027-01-01', hours: null },
      { date: '2027-01-02', hours: { open: '10:00', close: '15:00', breaks: [] } },
    ]);
    const locker = accepted.find((b) => b.id === '620075')!;
    expect(locker).toMatchObject({
      type: 'parcel_locker',
      temporarilyClosed: true,
      timezone: 'Asia/Yekaterinburg',
    });
    expect(locker.hours.weekly.mon).toEqual({ open: '00:00', close: '24:00', breaks: [] });
    expect(problems).toEqual([
      {
        where: '[2]',
        field: 'working-hours[0].weekday-id',
        message: '9 is not a weekday 1 (Monday) to 7 (Sunday)',
      },
    ]);
  });

  it('reads a single office object', () => {
    const one = JSON.stringify((JSON.parse(fixture('otpravka.json').toString()) as unknown[])[0]);
    const { accepted, problems } = readImport(Buffer.from(one), { fileName: 'office.json' });
    expect(accepted.map((b) => b.id)).toEqual(['115551']);
    expect(problems).toEqual([]);
  });
});

describe('CSV', () => {
  it('maps the documented columns, semicolons, yes/no in two languages, and hours per day', () => {
    const { format, accepted, notes } = readImport(fixture('branches.csv'), {
      fileName: 'branches.csv',
    });
    expect(format).toBe('csv');
    const first = accepted.find((b) => b.id === 'BX-1001')!;
    expect(first).toMatchObject({
      type: 'pickup_point',
      name: 'Пункт «Боксберри» на Ленина',
      postalCode: '410012',
      address: { full: '410012, Саратовская область, г. Саратов, ул. Ленина, 5', city: 'Саратов' },
      location: { lat: 51.5301, lon: 46.0202 },
      timezone: 'Europe/Saratov',
      payments: { card: true, cash: true, cod: false },
      limits: { maxWeight: 15_000 },
      services: ['fitting', 'returns'],
      source: 'csv',
    });
    expect(first.hours.weekly.sat).toEqual({ open: '10:00', close: '16:00', breaks: [] });
    expect(first.hours.weekly.sun).toBeNull();
    const locker = accepted.find((b) => b.id === 'BX-1002')!;
    expect(locker).toMatchObject({
      name: 'Почтомат 630099, Новосибирск',
      timezone: 'Asia/Novosibirsk',
    });
    const lunch = accepted.find((b) => b.id === 'BX-1005')!;
    expect(lunch.hours.weekly.mon).toEqual({
      open: '09:00',
      close: '21:00',
      breaks: [{ from: '14:00', to: '15:00' }],
    });
    expect(notes).toEqual(['columns not imported (not in the mapping): colour']);
  });

  it('reports bad rows by line: coordinates off the planet, a duplicate id, hours it cannot read', () => {
    const { problems } = readImport(fixture('branches.csv'), { fileName: 'branches.csv' });
    expect(problems).toEqual([
      { where: 'line 4', field: 'location.lat', message: '95.5 is not a latitude from -90 to 90' },
      { where: 'line 5', field: 'id', message: '"BX-1001" is a duplicate of line 2' },
      {
        where: 'line 6',
        field: 'mon',
        message: expect.stringContaining('"с утра до вечера" does not read as hours'),
      },
    ]);
  });

  it('refuses a CSV without the required columns, naming them and the header it found', () => {
    const bad = Buffer.from('id,name,city\n1,Пункт,Саратов\n');
    expect(() => readImport(bad, { fileName: 'bad.csv' })).toThrow(
      'bad.csv lacks required columns: type, postal_code, lat, lon. The header has: id, name, city',
    );
  });

  it('reports a row with the wrong number of fields', () => {
    const text =
      'id,type,postal_code,lat,lon,city\nA1,pickup_point,410012,51.5,46.0,Саратов\nA2,pickup_point,410012\n';
    const { problems } = readImport(Buffer.from(text), { fileName: 'short.csv' });
    expect(problems).toEqual([{ where: 'line 3', message: 'has 3 fields, the header has 6' }]);
  });
});

describe('GeoJSON', () => {
  it('reads points with CSV-named properties, and rejects other geometries and unknown types', () => {
    const { format, accepted, problems } = readImport(fixture('branches.geojson'), {
      fileName: 'points.geojson',
    });
    expect(format).toBe('geojson');
    expect(accepted.map((b) => b.id)).toEqual(['GJ-1', 'GJ-2']);
    expect(accepted[0]).toMatchObject({
      type: 'parcel_locker',
      location: { lon: 37.6173, lat: 55.7558 },
      payments: { card: true, cash: false, cod: true },
    });
    expect(accepted[1]!.hours.weekly.fri).toEqual({ open: '10:00', close: '20:00', breaks: [] });
    expect(accepted[1]!.hours.weekly.sat).toEqual({ open: '11:00', close: '17:00', breaks: [] });
    expect(accepted[1]!.hours.weekly.sun).toBeNull();
    expect(problems).toEqual([
      {
        where: 'features[2]',
        field: 'geometry',
        message: 'is LineString: each feature must be a Point [lon, lat]',
      },
      {
        where: 'features[3]',
        field: 'type',
        message: '"kiosk" is not one of post_office, parcel_locker, pickup_point',
      },
    ]);
  });
});
