/**
 * The branch card: everything that decides the choice at a glance (open now, address, price and
 * delivery time), then the week's hours with today marked, holidays, payments, limits and services,
 * with *Choose* pinned to the bottom so it is always in view.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { WEEKDAYS, type Branch, type DayHours, type Weekday } from '#core/branch';
import { addDays, localParts, offsetMinutes, openingStateAtLocal } from '#core/open-now';
import { fittingCell, type Parcel } from '#core/parcel-fit';
import { fill, formatDays, formatRubles, type Catalog } from '../i18n';
import type { ActiveBranch, QuoteState } from '../controllers/selection';
import { describeState, formatDay, formatOffset, formatWeight } from './format';

export { cardStyles } from './card.styles';

/** Holidays shown ahead: the coming weeks, not the whole year. */
const HOLIDAY_HORIZON_DAYS = 45;

export interface CardProps {
  t: Catalog;
  active: ActiveBranch;
  chosen: boolean;
  parcel: Parcel | null;
  /** For open-now and "today"; the buyer's clock. */
  now: number;
  onClose: () => void;
  onChoose: () => void;
  onRetryDetails: () => void;
  onRetryQuote: () => void;
}

function dayText(t: Catalog, day: DayHours | null): TemplateResult {
  if (!day) return html`<span class="muted">${t.dayOff}</span>`;
  const allDay = day.open === '00:00' && day.close === '24:00';
  return html`${allDay ? t.allDay : `${day.open}–${day.close}`}${day.breaks.map(
    (b) => html`<span class="break">${fill(t.lunch, { from: b.from, to: b.to })}</span>`,
  )}`;
}

/** Runs of consecutive weekdays with the same hours ("Пн–Пт 08:00–20:00"), as printed on a door. */
function groupWeek(
  weekly: Branch['hours']['weekly'],
): { days: Weekday[]; hours: DayHours | null }[] {
  const groups: { days: Weekday[]; hours: DayHours | null }[] = [];
  for (const d of WEEKDAYS) {
    const hours = weekly[d];
    const last = groups.at(-1);
    if (last && JSON.stringify(last.hours) === JSON.stringify(hours)) last.days.push(d);
    else groups.push({ days: [d], hours });
  }
  return groups;
}

function daysLabel(t: Catalog, days: Weekday[]): string {
  if (days.length === 7) return t.everyDay;
  if (days.length === 1) return t.weekdays[days[0]!];
  return `${t.weekdays[days[0]!]}–${t.weekdays[days.at(-1)!]}`;
}

function hoursTable(t: Catalog, branch: Branch, today: string): TemplateResult {
  const todayWeekday = WEEKDAYS[(new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7]!;
  const upcoming = branch.hours.exceptions.filter(
    (e) => e.date >= today && e.date <= addDays(today, HOLIDAY_HORIZON_DAYS),
  );
  return html`<table class="hours">
      <caption class="sr-only">
        ${t.hoursTitle}
      </caption>
      <tbody>
        ${groupWeek(branch.hours.weekly).map(({ days, hours }) => {
          const isToday = days.includes(todayWeekday);
          return html`<tr
            class=${isToday ? 'today' : ''}
            aria-current=${isToday ? 'date' : nothing}
          >
            <th scope="row">
              ${daysLabel(t, days)}${isToday ? html`<span class="today-mark">${t.today}</span>` : nothing}
            </th>
            <td>${dayText(t, hours)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      upcoming.length
        ? html`<h3>${t.holidaysTitle}</h3>
            <ul class="holidays">
              ${upcoming.map((e) => html`<li><span>${formatDay(t, e.date)}</span> ${dayText(t, e.hours)}</li>`)}
            </ul>`
        : nothing
    }`;
}

function quoteLine(t: Catalog, q: QuoteState, onRetry: () => void): TemplateResult {
  if (q.status === 'loading')
    return html`<p class="quote muted" part="quote">${t.quoteLoading}</p>`;
  if (q.status === 'error' || !q.quote) {
    return html`<p class="quote" part="quote">
      ${t.quoteFailed} <button class="link" type="button" @click=${onRetry}>${t.retry}</button>
    </p>`;
  }
  const { cost, delivery, source, stale, answeredAt } = q.quote;
  const time = new Intl.DateTimeFormat(t.locale, { hour: '2-digit', minute: '2-digit' }).format(
    new Date(answeredAt),
  );
  return html`<p class="quote" part="quote">
      <span class="quote-label">${t.delivery}</span>
      <strong class="price">${cost.amount === 0 ? t.free : formatRubles(t, cost.amount)}</strong>
      <span aria-hidden="true">·</span>
      <span>${formatDays(t, delivery.minDays, delivery.maxDays)}</span>
      ${source === 'estimate' ? html`<span class="badge">${t.estimate}</span>` : nothing}
      ${stale ? html`<span class="badge">${fill(t.staleAt, { time })}</span>` : nothing}
    </p>
    ${source === 'estimate' ? html`<p class="hint muted">${t.estimateHint}</p>` : nothing}`;
}

function facts(t: Catalog, branch: Branch, parcel: Parcel | null): TemplateResult {
  const pays = [
    branch.payments.card && t.payCard,
    branch.payments.cash && t.payCash,
    branch.payments.cod && t.payCod,
  ].filter((p): p is string => Boolean(p));
  const cell = parcel ? fittingCell(branch.limits, parcel) : null;
  const lockerCells = branch.limits.cells.some((c) => c.name !== 'max');
  const fit = !parcel
    ? null
    : cell === null
      ? t.doesNotFit
      : lockerCells
        ? fill(t.fitsCell, { cell })
        : null;
  return html`<dl class="facts">
    <dt>${t.postalCode}</dt>
    <dd>${branch.postalCode}</dd>
    ${
      pays.length
        ? html`<dt>${t.paymentsTitle}</dt>
            <dd>${pays.join(' · ')}</dd>`
        : nothing
    }
    <dt>${t.limitsTitle}</dt>
    <dd>
      ${fill(t.maxWeight, { weight: formatWeight(t, branch.limits.maxWeight) })}${
        fit ? html` · <span class=${cell === null ? 'warn' : ''}>${fit}</span>` : nothing
      }
    </dd>
    ${
      branch.services.length
        ? html`<dt>${t.servicesTitle}</dt>
            <dd>${branch.services.map((s) => t.serviceName[s]).join(' · ')}</dd>`
        : nothing
    }
  </dl>`;
}

export function renderCard(p: CardProps): TemplateResult {
  const { t, active } = p;
  const branch = active.branch;
  let body: TemplateResult;
  if (active.status === 'loading' || (!branch && active.status !== 'error')) {
    body = html`<h2 id="bp-card-title" tabindex="-1" class="muted">${t.detailsLoading}</h2>`;
  } else if (!branch) {
    body = html`<h2 id="bp-card-title" tabindex="-1">${t.detailsFailed}</h2>
      <button class="secondary" type="button" @click=${p.onRetryDetails}>${t.retry}</button>`;
  } else {
    const local = localParts(p.now, branch.timezone);
    const state = openingStateAtLocal(branch, local);
    const buyerOffset = -new Date(p.now).getTimezoneOffset();
    const branchOffset = offsetMinutes(p.now, branch.timezone);
    body = html`<h2 id="bp-card-title" tabindex="-1">${branch.name}</h2>
      <p class="state ${state.open ? 'is-open' : 'is-closed'}">${describeState(t, state)}</p>
      <p class="address">${branch.address.full}</p>
      ${active.quote ? quoteLine(t, active.quote, p.onRetryQuote) : nothing}
      <h3>
        ${t.hoursTitle}
        ${
          branchOffset !== buyerOffset
            ? html`<span class="muted"
                >${fill(t.localTime, { offset: formatOffset(branchOffset) })}</span
              >`
            : nothing
        }
      </h3>
      ${hoursTable(t, branch, local.date)} ${facts(t, branch, p.parcel)}`;
  }
  return html`<section
    class="card"
    part="card"
    aria-labelledby="bp-card-title"
    aria-busy=${active.status === 'loading' ? 'true' : 'false'}
  >
    <div class="card-head">
      <span class="card-type bp-${branch?.type ?? ''}"
        >${branch ? t.typeName[branch.type] : ''}</span
      >
      <button
        class="card-close"
        part="close-button"
        type="button"
        aria-label=${t.close}
        @click=${p.onClose}
      >
        ×
      </button>
    </div>
    <div class="card-body">${body}</div>
    ${
      branch
        ? html`<div class="card-foot">
            <button
              class="primary"
              part="choose-button"
              type="button"
              aria-pressed=${p.chosen ? 'true' : 'false'}
              @click=${p.onChoose}
            >
              ${p.chosen ? `✓ ${t.chosen}` : t.choose}
            </button>
          </div>`
        : nothing
    }
  </section>`;
}
