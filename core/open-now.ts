/**
 * Open now: whether a branch is open at an instant, and when it closes or opens next, in the
 * branch's own time zone, with breaks, days off, dated exceptions (holidays) and temporary closure.
 * Shared by the proxy (filters, search) and the widget (cards, lists), so both always agree.
 *
 * A day's hours become intervals of local minutes ([open, close) minus breaks). Intervals of
 * neighbouring days that touch (a branch open to 24:00 and again from 00:00) are one stretch, so a
 * branch open around the clock never "closes at midnight".
 */
import { WEEKDAYS, type BranchHours, type DayHours, type Weekday } from './branch';

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
/** How far ahead to look for the next opening: two weeks covers the longest holidays. */
export const DEFAULT_HORIZON_DAYS = 14;

/** A local date and time in a branch's zone. */
export interface LocalMoment {
  /** Milliseconds since the epoch. */
  instant: number;
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Local time, `HH:MM` (`24:00` never appears: that is `00:00` of the next date). */
  time: string;
  weekday: Weekday;
  /** Local calendar days from the branch's today: 0 today, 1 tomorrow. */
  dayOffset: number;
}

export type ClosedReason =
  'temporarily-closed' | 'day-off' | 'break' | 'not-yet-open' | 'closed-for-the-day';

export interface OpeningState {
  open: boolean;
  /** When open: the next closing, or undefined when it stays open past the horizon (24/7). */
  closesAt?: LocalMoment;
  /** When closed: the next opening, or undefined when none is scheduled within the horizon. */
  opensAt?: LocalMoment;
  /** When closed: why. */
  reason?: ClosedReason;
}

/** The local calendar position of an instant in a zone. */
export interface LocalParts {
  /** `YYYY-MM-DD` */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Whether a string names a time zone this runtime knows (IANA). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fields(instant: number, timeZone: string): Fields {
  const out: Record<string, number> = {};
  for (const part of format(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** The zone's offset from UTC at an instant, in minutes (Moscow: 180). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const f = fields(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MS_PER_MINUTE);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** Weekday of a `YYYY-MM-DD` date (the date alone, no zone involved). */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const sundayFirst = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7]!;
}

/** `YYYY-MM-DD` shifted by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Where an instant falls on the local calendar of a zone. */
export function localParts(instant: number, timeZone: string): LocalParts {
  const f = fields(instant, timeZone);
  const date = isoDate(f.year, f.month, f.day);
  return { date, weekday: weekdayOf(date), minutes: f.hour * 60 + f.minute };
}

/** The instant of a local date and minute in a zone (a minute skipped by a DST jump moves forward). */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * MS_PER_MINUTE;
  const first = wall - offsetMinutes(wall, timeZone) * MS_PER_MINUTE;
  const second = wall - offsetMinutes(first, timeZone) * MS_PER_MINUTE;
  return second;
}

/** `HH:MM` to minutes since midnight; `24:00` is 1440. */
export function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const toTime = (minutes: number): string =>
  `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;

/** The hours that apply on a local date: its exception if it has one, else its weekday's. */
export function hoursOn(hours: BranchHours, date: string): DayHours | null {
  const exception = hours.exceptions.find((e) => e.date === date);
  return exception ? exception.hours : hours.weekly[weekdayOf(date)];
}

/** Open intervals of a day in local minutes, `[from, to)`, breaks cut out, in order. */
export function dayIntervals(day: DayHours | null): [number, number][] {
  if (!day) return [];
  const open = toMinutes(day.open);
  const close = toMinutes(day.close);
  if (close <= open) return [];
  const out: [number, number][] = [];
  let from = open;
  for (const b of [...day.breaks].sort((a, c) => toMinutes(a.from) - toMinutes(c.from))) {
    const bf = Math.max(open, toMinutes(b.from));
    const bt = Math.min(close, toMinutes(b.to));
    if (bt <= bf) continue;
    if (bf > from) out.push([from, bf]);
    from = Math.max(from, bt);
  }
  if (close > from) out.push([from, close]);
  return out;
}

/** Fast path for filters: open at a local moment already computed for the branch's zone. */
export function isOpenAtLocal(hours: BranchHours, local: LocalParts): boolean {
  return dayIntervals(hoursOn(hours, local.date)).some(
    ([from, to]) => local.minutes >= from && local.minutes < to,
  );
}

interface Stretch {
  /** Minutes from the branch's local midnight today (may be negative: yesterday). */
  from: number;
  to: number;
}

/** Open stretches from yesterday to the horizon, touching intervals merged. */
function stretches(hours: BranchHours, today: string, horizonDays: number): Stretch[] {
  const out: Stretch[] = [];
  for (let day = -1; day <= horizonDays; day++) {
    for (const [from, to] of dayIntervals(hoursOn(hours, addDays(today, day)))) {
      const s = { from: day * MINUTES_PER_DAY + from, to: day * MINUTES_PER_DAY + to };
      const last = out[out.length - 1];
      if (last && last.to === s.from) last.to = s.to;
      else out.push(s);
    }
  }
  return out;
}

/** A local date and time without its instant: what a list shows, computed without any zone lookups. */
export type LocalTime = Omit<LocalMoment, 'instant'>;

export interface LocalOpeningState {
  open: boolean;
  closesAt?: LocalTime;
  opensAt?: LocalTime;
  reason?: ClosedReason;
}

function localTime(today: string, offset: number): LocalTime {
  const dayOffset = Math.floor(offset / MINUTES_PER_DAY);
  const date = addDays(today, dayOffset);
  return {
    date,
    time: toTime(offset - dayOffset * MINUTES_PER_DAY),
    weekday: weekdayOf(date),
    dayOffset,
  };
}

/**
 * Open now from the branch's local date and minute, already known (lists work out the local time
 * once per zone, then call this for thousands of branches).
 */
export function openingStateAtLocal(
  branch: { hours: BranchHours; temporarilyClosed: boolean },
  local: LocalParts,
  horizonDays = DEFAULT_HORIZON_DAYS,
): LocalOpeningState {
  if (branch.temporarilyClosed) return { open: false, reason: 'temporarily-closed' };
  const now = local.minutes;
  const all = stretches(branch.hours, local.date, horizonDays);
  const horizonEnd = (horizonDays + 1) * MINUTES_PER_DAY;
  const current = all.find((s) => now >= s.from && now < s.to);
  if (current)
    return current.to >= horizonEnd
      ? { open: true }
      : { open: true, closesAt: localTime(local.date, current.to) };
  const next = all.find((s) => s.from > now);
  const todays = dayIntervals(hoursOn(branch.hours, local.date));
  let reason: ClosedReason;
  if (todays.length === 0) reason = 'day-off';
  else if (now < todays[0]![0]) reason = 'not-yet-open';
  else if (now >= todays[todays.length - 1]![1]) reason = 'closed-for-the-day';
  else reason = 'break';
  return next
    ? { open: false, reason, opensAt: localTime(local.date, next.from) }
    : { open: false, reason };
}

const withInstant = (t: LocalTime, timeZone: string): LocalMoment => ({
  ...t,
  instant: zonedInstant(t.date, toMinutes(t.time), timeZone),
});

/**
 * Whether a branch is open at an instant, and its next change, in the branch's time zone.
 * `horizonDays` bounds the search for the next opening or closing.
 */
export function openingState(
  branch: { hours: BranchHours; timezone: string; temporarilyClosed: boolean },
  at: number | Date,
  horizonDays = DEFAULT_HORIZON_DAYS,
): OpeningState {
  const instant = typeof at === 'number' ? at : at.getTime();
  const state = openingStateAtLocal(branch, localParts(instant, branch.timezone), horizonDays);
  const out: OpeningState = { open: state.open };
  if (state.closesAt) out.closesAt = withInstant(state.closesAt, branch.timezone);
  if (state.opensAt) out.opensAt = withInstant(state.opensAt, branch.timezone);
  if (state.reason) out.reason = state.reason;
  return out;
}
