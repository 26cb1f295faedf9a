/**
 * Checks a branch against the model before it may be stored: every problem is reported with the
 * field it concerns and what is allowed, so a person can fix the row.
 */
import {
  BRANCH_ID_PATTERN,
  BRANCH_ID_RULE,
  BRANCH_SERVICES,
  BRANCH_SOURCES,
  BRANCH_TYPES,
  WEEKDAYS,
  type Branch,
  type DayHours,
} from '#core/branch';
import { isValidTimeZone, toMinutes } from '#core/open-now';

/** One way a branch breaks the model: the field and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_NAME = 200;
const MAX_ADDRESS = 500;

function checkDay(day: DayHours | null, field: string, out: FieldProblem[]): void {
  if (day === null) return;
  const openOk = TIME.test(day.open);
  const closeOk = TIME.test(day.close);
  if (!openOk) out.push({ field: `${field}.open`, message: `"${day.open}" is not a time HH:MM` });
  if (!closeOk)
    out.push({
      field: `${field}.close`,
      message: `"${day.close}" is not a time HH:MM (24:00 for midnight)`,
    });
  if (!openOk || !closeOk) return;
  if (toMinutes(day.close) <= toMinutes(day.open)) {
    out.push({ field, message: `closes (${day.close}) no later than it opens (${day.open})` });
    return;
  }
  day.breaks.forEach((b, i) => {
    const f = `${field}.breaks[${i}]`;
    if (!TIME.test(b.from) || !TIME.test(b.to)) {
      out.push({ field: f, message: `"${b.from}"–"${b.to}" is not a pair of times HH:MM` });
    } else if (toMinutes(b.to) <= toMinutes(b.from)) {
      out.push({
        field: f,
        message: `the break ends (${b.to}) no later than it starts (${b.from})`,
      });
    } else if (toMinutes(b.from) < toMinutes(day.open) || toMinutes(b.to) > toMinutes(day.close)) {
      out.push({
        field: f,
        message: `the break ${b.from}–${b.to} lies outside the day ${day.open}–${day.close}`,
      });
    }
  });
}

/** Every way the branch breaks the model; empty when it is fine. */
export function validateBranch(b: Branch): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!BRANCH_ID_PATTERN.test(b.id))
    out.push({ field: 'id', message: `"${b.id}" must be ${BRANCH_ID_RULE}` });
  if (!(BRANCH_TYPES as readonly string[]).includes(b.type)) {
    out.push({ field: 'type', message: `"${b.type}" is not one of ${BRANCH_TYPES.join(', ')}` });
  }
  if (!b.name.trim()) out.push({ field: 'name', message: 'is empty' });
  else if (b.name.length > MAX_NAME)
    out.push({ field: 'name', message: `is longer than ${MAX_NAME} characters` });
  if (!/^\d{6}$/.test(b.postalCode))
    out.push({ field: 'postalCode', message: `"${b.postalCode}" is not a six-digit postal code` });
  if (!b.address.full.trim()) out.push({ field: 'address', message: 'is empty' });
  else if (b.address.full.length > MAX_ADDRESS)
    out.push({ field: 'address', message: `is longer than ${MAX_ADDRESS} characters` });

  const { lat, lon } = b.location;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    out.push({ field: 'location.lat', message: `${String(lat)} is not a latitude from -90 to 90` });
  }
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    out.push({
      field: 'location.lon',
      message: `${String(lon)} is not a longitude from -180 to 180`,
    });
  }
  if (lat === 0 && lon === 0)
    out.push({ field: 'location', message: 'is 0, 0 (in the Atlantic): coordinates are missing' });
  if (!isValidTimeZone(b.timezone))
    out.push({
      field: 'timezone',
      message: `"${b.timezone}" is not an IANA time zone such as Europe/Moscow`,
    });

  for (const d of WEEKDAYS) checkDay(b.hours.weekly[d], `hours.${d}`, out);
  const dates = new Set<string>();
  b.hours.exceptions.forEach((e, i) => {
    if (!DATE.test(e.date))
      out.push({
        field: `hours.exceptions[${i}].date`,
        message: `"${e.date}" is not a date YYYY-MM-DD`,
      });
    else if (dates.has(e.date))
      out.push({ field: `hours.exceptions[${i}].date`, message: `${e.date} is listed twice` });
    dates.add(e.date);
    checkDay(e.hours, `hours.exceptions[${i}]`, out);
  });

  if (!Number.isFinite(b.limits.maxWeight) || b.limits.maxWeight < 0) {
    out.push({
      field: 'limits.maxWeight',
      message: `${String(b.limits.maxWeight)} is not a weight in grams`,
    });
  }
  for (const s of b.services) {
    if (!(BRANCH_SERVICES as readonly string[]).includes(s)) {
      out.push({
        field: 'services',
        message: `"${s}" is not one of ${BRANCH_SERVICES.join(', ')}`,
      });
    }
  }
  if (!(BRANCH_SOURCES as readonly string[]).includes(b.source)) {
    out.push({
      field: 'source',
      message: `"${b.source}" is not one of ${BRANCH_SOURCES.join(', ')}`,
    });
  }
  return out;
}
