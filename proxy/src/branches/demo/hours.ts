/**
 * Weekly schedules for the demo network, after what Russian Post publishes for its branches: long
 * days and Saturdays in cities, short days with a lunch break and two days off in villages, lockers
 * around the clock. Holidays are the Russian public holidays of the coming year, fixed dates so the
 * generator stays deterministic.
 */
import type { BranchHours, DayHours, HoursException, Weekday } from '#core/branch';
import type { Random } from './random';

export type SettlementSize = 'city' | 'town' | 'village';

const day = (open: string, close: string, lunch?: [string, string]): DayHours => ({
  open,
  close,
  breaks: lunch ? [{ from: lunch[0], to: lunch[1] }] : [],
});

type Week = Record<Weekday, DayHours | null>;

const week = (
  weekdays: DayHours | null,
  sat: DayHours | null,
  sun: DayHours | null,
  overrides: Partial<Week> = {},
): Week => ({
  mon: weekdays,
  tue: weekdays,
  wed: weekdays,
  thu: weekdays,
  fri: weekdays,
  sat,
  sun,
  ...overrides,
});

/** Public holidays when branches close, and the shortened eves. */
// prettier-ignore
const HOLIDAYS_CLOSED = [
  '2027-01-01', '2027-01-07', '2027-02-23', '2027-03-08', '2027-05-01', '2027-05-09', '2027-06-12',
  '2027-11-04',
];
// prettier-ignore
const HOLIDAYS_SHORT = ['2026-12-31', '2027-02-22', '2027-03-05', '2027-04-30', '2027-06-11', '2027-11-03'];

function holidays(weekly: Week, shortClose: string): HoursException[] {
  const out: HoursException[] = HOLIDAYS_CLOSED.map((date) => ({ date, hours: null }));
  for (const date of HOLIDAYS_SHORT) {
    const weekday = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[
      new Date(`${date}T12:00:00Z`).getUTCDay()
    ]!;
    const usual = weekly[weekday];
    if (usual && usual.close > shortClose)
      out.push({ date, hours: { ...usual, close: shortClose } });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Schedules are shared between branches: 40,000 copies of a dozen schedules would waste memory. */
const shared = new Map<string, BranchHours>();

function withHolidays(weekly: Week, shortClose = '17:00'): BranchHours {
  const key = `${JSON.stringify(weekly)}|${shortClose}`;
  let hours = shared.get(key);
  if (!hours) {
    hours = { weekly, exceptions: holidays(weekly, shortClose) };
    shared.set(key, hours);
  }
  return hours;
}

/** A post office's hours, by the size of the place it serves. */
export function postOfficeHours(
  size: SettlementSize,
  random: Random,
  isMain: boolean,
): BranchHours {
  if (isMain) {
    return withHolidays(
      week(day('08:00', '22:00'), day('09:00', '20:00'), day('09:00', '18:00')),
      '18:00',
    );
  }
  if (size === 'city') {
    return withHolidays(
      random.weighted<Week>([
        [week(day('08:00', '20:00'), day('09:00', '18:00'), null), 45],
        [
          week(day('08:00', '20:00'), day('09:00', '18:00'), day('09:00', '18:00'), { mon: null }),
          25,
        ],
        [week(day('09:00', '19:00', ['14:00', '15:00']), day('09:00', '16:00'), null), 20],
        [week(day('08:00', '21:00'), day('09:00', '19:00'), day('10:00', '17:00')), 10],
      ]),
    );
  }
  if (size === 'town') {
    return withHolidays(
      random.weighted<Week>([
        [week(day('08:00', '19:00', ['13:00', '14:00']), day('09:00', '16:00'), null), 50],
        [
          week(day('09:00', '18:00', ['13:00', '14:00']), day('09:00', '15:00'), null, {
            mon: null,
          }),
          30,
        ],
        [week(day('08:00', '20:00'), day('09:00', '18:00'), null), 20],
      ]),
      '16:00',
    );
  }
  return withHolidays(
    random.weighted<Week>([
      [
        week(
          day('09:00', '17:00', ['12:00', '13:00']),
          day('09:00', '17:00', ['12:00', '13:00']),
          null,
          { mon: null },
        ),
        40,
      ],
      [week(day('10:00', '16:00', ['12:00', '13:00']), null, null), 25],
      [week(day('09:00', '13:00'), day('09:00', '12:00'), null, { mon: null }), 20],
      [
        week(null, null, null, {
          mon: day('10:00', '14:00'),
          wed: day('10:00', '14:00'),
          fri: day('10:00', '14:00'),
        }),
        15,
      ],
    ]),
    '12:00',
  );
}

const ALL_DAY = day('00:00', '24:00');
const MALL = day('10:00', '22:00');
const LOCKER_ALL_DAY: BranchHours = { weekly: week(ALL_DAY, ALL_DAY, ALL_DAY), exceptions: [] };
const LOCKER_MALL: BranchHours = { weekly: week(MALL, MALL, MALL), exceptions: [] };

/** A parcel locker's hours: most stand outdoors and work around the clock, some close with their mall. */
export function lockerHours(random: Random): BranchHours {
  return random.chance(0.8) ? LOCKER_ALL_DAY : LOCKER_MALL;
}

/** A partner pickup point's hours: shop hours, most open every day. */
export function pickupPointHours(random: Random): BranchHours {
  return withHolidays(
    random.weighted<Week>([
      [week(day('10:00', '21:00'), day('10:00', '21:00'), day('10:00', '21:00')), 60],
      [week(day('10:00', '20:00'), day('10:00', '20:00'), day('11:00', '18:00')), 40],
    ]),
    '18:00',
  );
}
