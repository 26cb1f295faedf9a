import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS, type BranchHours, type DayHours } from './branch';
import { closedWeek } from './branch.fixture';
import { isOpenAtLocal, localParts, openingState, zonedInstant } from './open-now';

const day = (open: string, close: string, ...breaks: [string, string][]): DayHours => ({
  open,
  close,
  breaks: breaks.map(([from, to]) => ({ from, to })),
});
const weekly = (
  weekdays: DayHours | null,
  sat: DayHours | null,
  sun: DayHours | null,
): BranchHours['weekly'] => ({
  mon: weekdays,
  tue: weekdays,
  wed: weekdays,
  thu: weekdays,
  fri: weekdays,
  sat,
  sun,
});
const branch = (hours: BranchHours, timezone = 'Europe/Moscow', temporarilyClosed = false) => ({
  hours,
  timezone,
  temporarilyClosed,
});

const office: BranchHours = {
  weekly: weekly(day('08:00', '20:00', ['13:00', '14:00']), day('09:00', '15:00'), null),
  exceptions: [
    { date: '2027-01-01', hours: null },
    { date: '2027-01-02', hours: day('10:00', '14:00') },
  ],
};

describe('open now, by example', () => {
  it('tells a Moscow buyer at 23:00 that a Vladivostok branch opens at 08:00 local', () => {
    // 2027-03-10 is a Wednesday; 23:00 in Moscow is 06:00 on Thursday in Vladivostok.
    const at = Date.parse('2027-03-10T23:00:00+03:00');
    const state = openingState(branch(office, 'Asia/Vladivostok'), at);
    expect(state).toMatchObject({ open: false, reason: 'not-yet-open' });
    expect(state.opensAt).toMatchObject({
      date: '2027-03-11',
      time: '08:00',
      weekday: 'thu',
      dayOffset: 0,
    });
    expect(state.opensAt?.instant).toBe(Date.parse('2027-03-11T08:00:00+10:00'));
  });

  it('is open until the lunch break, closed during it, and says when it reopens', () => {
    const morning = openingState(branch(office), Date.parse('2027-03-10T11:30:00+03:00'));
    expect(morning).toMatchObject({ open: true, closesAt: { time: '13:00', dayOffset: 0 } });
    const lunch = openingState(branch(office), Date.parse('2027-03-10T13:30:00+03:00'));
    expect(lunch).toMatchObject({
      open: false,
      reason: 'break',
      opensAt: { time: '14:00', dayOffset: 0 },
    });
  });

  it('skips a Sunday off to Monday morning', () => {
    const sunday = openingState(branch(office), Date.parse('2027-03-14T12:00:00+03:00'));
    expect(sunday).toMatchObject({
      open: false,
      reason: 'day-off',
      opensAt: { weekday: 'mon', time: '08:00', dayOffset: 1 },
    });
  });

  it('keeps New Year’s Day closed and the 2nd short, as the exceptions say', () => {
    // 1 January 2027 is a Friday, a weekday otherwise open.
    const newYear = openingState(branch(office), Date.parse('2027-01-01T12:00:00+03:00'));
    expect(newYear).toMatchObject({
      open: false,
      reason: 'day-off',
      opensAt: { date: '2027-01-02', time: '10:00' },
    });
    const second = openingState(branch(office), Date.parse('2027-01-02T12:00:00+03:00'));
    expect(second).toMatchObject({ open: true, closesAt: { time: '14:00' } });
  });

  it('never closes a branch open around the clock, not even at midnight', () => {
    const allDay: BranchHours = {
      weekly: weekly(day('00:00', '24:00'), day('00:00', '24:00'), day('00:00', '24:00')),
      exceptions: [],
    };
    const state = openingState(branch(allDay), Date.parse('2027-03-10T23:59:00+03:00'));
    expect(state).toEqual({ open: true });
  });

  it('reports a temporarily closed branch as closed with no next opening', () => {
    expect(
      openingState(branch(office, 'Europe/Moscow', true), Date.parse('2027-03-10T11:00:00+03:00')),
    ).toEqual({
      open: false,
      reason: 'temporarily-closed',
    });
  });

  it('finds no next opening for a branch with no hours at all', () => {
    expect(openingState(branch(closedWeek()), Date.now())).toEqual({
      open: false,
      reason: 'day-off',
    });
  });

  it('joins a late evening to an early morning across midnight', () => {
    const late: BranchHours = {
      weekly: weekly(day('08:00', '24:00'), day('00:00', '02:00'), null),
      exceptions: [],
    };
    // Friday 23:00: open, and it keeps open through midnight into Saturday until 02:00.
    const state = openingState(branch(late), Date.parse('2027-03-12T23:00:00+03:00'));
    expect(state).toMatchObject({
      open: true,
      closesAt: { date: '2027-03-13', time: '02:00', dayOffset: 1 },
    });
  });
});

// Property-based: random schedules, zones and instants.
const ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Novosibirsk',
  'Asia/Vladivostok',
  'Asia/Kamchatka',
  'Asia/Anadyr',
];
const dayArb: fc.Arbitrary<DayHours | null> = fc.option(
  fc
    .tuple(
      fc.integer({ min: 0, max: 1200 }),
      fc.integer({ min: 60, max: 720 }),
      fc.option(fc.tuple(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 10, max: 90 }))),
    )
    .map(([open, length, lunch]) => {
      const close = Math.min(1440, open + length);
      const toTime = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const breaks =
        lunch && open + lunch[0] + lunch[1] < close
          ? [{ from: toTime(open + lunch[0]), to: toTime(open + lunch[0] + lunch[1]) }]
          : [];
      return { open: toTime(open), close: toTime(close), breaks };
    }),
  { freq: 4 },
);
const hoursArb: fc.Arbitrary<BranchHours> = fc.record({
  weekly: fc
    .tuple(...WEEKDAYS.map(() => dayArb))
    .map(
      (days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]!])) as BranchHours['weekly'],
    ),
  exceptions: fc
    .array(
      fc.record({
        date: fc
          .integer({ min: 0, max: 20 })
          .map((d) => new Date(Date.UTC(2027, 2, 1 + d)).toISOString().slice(0, 10)),
        hours: dayArb,
      }),
      { maxLength: 3 },
    )
    .map((list) => list.filter((e, i) => list.findIndex((o) => o.date === e.date) === i)),
});
/** Whole minutes in March 2027. */
const instantArb = fc
  .integer({ min: 0, max: 31 * 1440 - 1 })
  .map((m) => Date.UTC(2027, 2, 1) + m * 60_000);

describe('open now, by property', () => {
  it('agrees with the schedule of the local day at the local minute', () => {
    fc.assert(
      fc.property(hoursArb, fc.constantFrom(...ZONES), instantArb, (hours, zone, at) => {
        expect(openingState(branch(hours, zone), at).open).toBe(
          isOpenAtLocal(hours, localParts(at, zone)),
        );
      }),
    );
  });

  it('closes exactly at closesAt, and was open the minute before', () => {
    fc.assert(
      fc.property(hoursArb, fc.constantFrom(...ZONES), instantArb, (hours, zone, at) => {
        const state = openingState(branch(hours, zone), at);
        fc.pre(state.open && state.closesAt !== undefined);
        const close = state.closesAt.instant;
        expect(close).toBeGreaterThan(at);
        expect(openingState(branch(hours, zone), close).open).toBe(false);
        expect(openingState(branch(hours, zone), close - 60_000).open).toBe(true);
      }),
    );
  });

  it('opens exactly at opensAt, and was closed the minute before', () => {
    fc.assert(
      fc.property(hoursArb, fc.constantFrom(...ZONES), instantArb, (hours, zone, at) => {
        const state = openingState(branch(hours, zone), at);
        fc.pre(!state.open && state.opensAt !== undefined);
        const open = state.opensAt.instant;
        expect(open).toBeGreaterThan(at);
        expect(openingState(branch(hours, zone), open).open).toBe(true);
        expect(openingState(branch(hours, zone), open - 60_000).open).toBe(false);
      }),
    );
  });

  it('states local times that are the instants seen in the branch’s zone', () => {
    fc.assert(
      fc.property(hoursArb, fc.constantFrom(...ZONES), instantArb, (hours, zone, at) => {
        const state = openingState(branch(hours, zone), at);
        const next = state.closesAt ?? state.opensAt;
        fc.pre(next !== undefined);
        expect(
          zonedInstant(
            next.date,
            Number(next.time.slice(0, 2)) * 60 + Number(next.time.slice(3)),
            zone,
          ),
        ).toBe(next.instant);
        expect(localParts(next.instant, zone).date).toBe(next.date);
      }),
    );
  });
});
