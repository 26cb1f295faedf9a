/**
 * Text for what the widget shows, in the catalogue's language: distances, weights, opening states,
 * a zone's offset. Pure functions; the templates call them.
 */
import type { LocalOpeningState, LocalTime } from '#core/open-now';
import { fill, formatNumber, type Catalog } from '../i18n';

/** `350 м`, `1,2 км`, `18 км`: metres below a kilometre, one decimal below ten. */
export function formatDistance(t: Catalog, metres: number): string {
  if (metres < 1000) return fill(t.metres, { n: formatNumber(t, Math.round(metres / 10) * 10) });
  const km = metres / 1000;
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  return fill(t.kilometres, {
    n: new Intl.NumberFormat(t.locale, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(rounded),
  });
}

/** `20 кг`, `500 г`. */
export function formatWeight(t: Catalog, grams: number): string {
  const unit = grams >= 1000 ? 'kilogram' : 'gram';
  const value = grams >= 1000 ? grams / 1000 : grams;
  return new Intl.NumberFormat(t.locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

function when(
  t: Catalog,
  next: LocalTime,
  template: 'opensToday' | 'opensTomorrow' | 'opensOn',
): string {
  return fill(t[template], { time: next.time, day: t.weekdaysOn[next.weekday] });
}

/** "Открыто до 20:00", "Закрыто · откроется завтра в 09:00", "Временно закрыто". */
export function describeState(t: Catalog, state: LocalOpeningState): string {
  if (state.reason === 'temporarily-closed') return t.temporarilyClosed;
  if (state.open)
    return state.closesAt
      ? fill(t.openUntil, { time: state.closesAt.time === '00:00' ? '24:00' : state.closesAt.time })
      : t.openAllDay;
  const next = state.opensAt;
  if (!next) return t.closedNow;
  if (next.dayOffset === 0) return when(t, next, 'opensToday');
  if (next.dayOffset === 1) return when(t, next, 'opensTomorrow');
  return when(t, next, 'opensOn');
}

/** `UTC+10`, `UTC+3`, `UTC+5:30`, from minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** `31 дек.`, `1 янв.`: a date as a buyer reads it. */
export function formatDay(t: Catalog, date: string): string {
  return new Intl.DateTimeFormat(t.locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
