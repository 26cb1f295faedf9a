/**
 * Opening hours written as text, as Russian Post's passport writes them (`"вт, открыто: 09:00 -
 * 15:30, перерыв: 12:00 - 13:00"`, `"пн, выходной"`) and as people type them into a spreadsheet
 * (`09:00-18:00`, `9:00–18:00 перерыв 13:00–14:00`, `выходной`, `24/7`). Each parser returns the
 * model's form or throws HoursSyntaxError with the text it could not read and the forms it knows.
 */
import { WEEKDAYS, type DayHours, type TimeSpan, type Weekday } from '#core/branch';

export class HoursSyntaxError extends Error {
  constructor(text: string, expected: string) {
    super(`"${text}" does not read as hours: expected ${expected}`);
    this.name = 'HoursSyntaxError';
  }
}

const DAY_FORMS = '"09:00-18:00", "09:00-18:00 перерыв 13:00-14:00", "выходной" or "круглосуточно"';
const LINE_FORMS = '"пн, открыто: 09:00 - 18:00[, перерыв: 13:00 - 14:00]" or "пн, выходной"';

const DAY_NAMES: Readonly<Record<string, Weekday>> = {
  пн: 'mon',
  вт: 'tue',
  ср: 'wed',
  чт: 'thu',
  пт: 'fri',
  сб: 'sat',
  вс: 'sun',
  mon: 'mon',
  tue: 'tue',
  wed: 'wed',
  thu: 'thu',
  fri: 'fri',
  sat: 'sat',
  sun: 'sun',
};

const CLOSED = /^(выходной|выходной день|закрыто|не работает|closed|off|-|—|нет)$/i;
const ALL_DAY = /^(круглосуточно|24\/7|24 часа|24h|00:00\s*-\s*24:00)$/i;
const TIME = '(\\d{1,2})[:.](\\d{2})';
const SPAN = new RegExp(`${TIME}\\s*[-–—]\\s*${TIME}`, 'g');

/** `9:05` → `09:05`; `00:00` as a closing time and `23:59` mean midnight: `24:00`. */
function time(h: string, m: string, closing: boolean): string | null {
  const hours = Number(h);
  const minutes = Number(m);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return null;
  if (closing && ((hours === 0 && minutes === 0) || (hours === 23 && minutes === 59)))
    return '24:00';
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function spans(text: string): TimeSpan[] | null {
  const out: TimeSpan[] = [];
  for (const m of text.matchAll(SPAN)) {
    const from = time(m[1]!, m[2]!, false);
    const to = time(m[3]!, m[4]!, true);
    if (!from || !to) return null;
    out.push({ from, to });
  }
  return out;
}

/** One day's hours from free text; `null` is a day off. */
export function parseDayText(raw: string): DayHours | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '' || CLOSED.test(text)) return null;
  if (ALL_DAY.test(text)) return { open: '00:00', close: '24:00', breaks: [] };
  // "09:00-18:00 перерыв 13:00-14:00": the first span is the day, the rest are breaks.
  const [main, ...rest] = text.split(/\s*[,;(]?\s*(?:перерыв|обед|break|lunch)\s*:?\s*/i);
  const day = spans(main!);
  const breaks = spans(rest.join(' '));
  if (!day || day.length !== 1 || !breaks || (rest.length > 0 && breaks.length === 0)) {
    throw new HoursSyntaxError(raw, DAY_FORMS);
  }
  return { open: day[0]!.from, close: day[0]!.to, breaks };
}

/** Days named at the start of a line: `пн`, `пн-пт`, `ежедневно`. */
function daysOf(label: string, raw: string): Weekday[] {
  const l = label.trim().toLowerCase();
  if (l === 'ежедневно' || l === 'daily') return [...WEEKDAYS];
  const range = /^(\p{L}{2,3})\s*[-–—]\s*(\p{L}{2,3})$/u.exec(l);
  if (range) {
    const from = DAY_NAMES[range[1]!];
    const to = DAY_NAMES[range[2]!];
    if (!from || !to) throw new HoursSyntaxError(raw, LINE_FORMS);
    const a = WEEKDAYS.indexOf(from);
    const b = WEEKDAYS.indexOf(to);
    return WEEKDAYS.filter((_, i) => (a <= b ? i >= a && i <= b : i >= a || i <= b));
  }
  const one = DAY_NAMES[l];
  if (!one) throw new HoursSyntaxError(raw, LINE_FORMS);
  return [one];
}

/**
 * The passport's `workTime` lines into a week. A line that says "открыто" with no hours after it
 * (a dump cut short: `"вт, открыто:"`) does not read: it throws, rather than becoming a day off.
 * Days no line mentions are days off, as the passport lists only the days it knows; `unnamed`
 * hears which they were, so that an importer can warn about them.
 */
export function parseWorkTimeLines(
  lines: readonly string[],
  unnamed?: (days: Weekday[]) => void,
): Record<Weekday, DayHours | null> {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, null])) as Record<
    Weekday,
    DayHours | null
  >;
  const named = new Set<Weekday>();
  for (const raw of lines) {
    const comma = raw.indexOf(',');
    if (comma < 0) throw new HoursSyntaxError(raw, LINE_FORMS);
    const days = daysOf(raw.slice(0, comma), raw);
    const said = raw.slice(comma + 1).trim();
    const rest = said.replace(/^открыто\s*:?\s*/i, '');
    if (rest === '' && said !== '') throw new HoursSyntaxError(raw, LINE_FORMS);
    let hours: DayHours | null;
    try {
      hours = parseDayText(rest);
    } catch {
      throw new HoursSyntaxError(raw, LINE_FORMS);
    }
    for (const d of days) {
      week[d] = hours;
      named.add(d);
    }
  }
  const missing = WEEKDAYS.filter((d) => !named.has(d));
  if (missing.length) unnamed?.(missing);
  return week;
}

/** `"08:00:00.000"` (Otpravka) or `"8:00"` → `08:00`. */
export function clockTime(raw: string, closing = false): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(raw.trim());
  const t = m ? time(m[1]!, m[2]!, closing) : null;
  if (!t) throw new HoursSyntaxError(raw, '"HH:MM" or "HH:MM:SS.sss"');
  return t;
}

/**
 * A week in one string, parts split by `;` or new lines: `пн-пт 09:00-18:00 перерыв 13:00-14:00;
 * сб 10:00-15:00; вс выходной`, or the passport's own lines. Days not named are days off.
 */
export function parseWeekText(text: string): Record<Weekday, DayHours | null> {
  const parts = text
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      if (p.includes(',')) return p;
      // "пн-пт 09:00-18:00" → "пн-пт, 09:00-18:00"
      const m = /^((?:\p{L}{2,3}\s*[-–—]\s*\p{L}{2,3})|\p{L}{2,9})\s*:?\s+(.+)$/u.exec(p);
      if (!m) throw new HoursSyntaxError(p, '"пн-пт 09:00-18:00; сб 10:00-15:00"');
      return `${m[1]}, ${m[2]}`;
    });
  return parseWorkTimeLines(parts);
}
