/**
 * What an import assumes when its source is silent: limits by branch type (Russian Post's usual
 * ones), and the mapping of Russian Post's object kinds to our three types.
 */
import type { BranchLimits, BranchType } from '#core/branch';
import { asText } from './format';

export const DEFAULT_LIMITS: Readonly<Record<BranchType, BranchLimits>> = {
  post_office: { maxWeight: 20_000, cells: [{ name: 'max', length: 100, width: 60, height: 60 }] },
  parcel_locker: {
    maxWeight: 15_000,
    cells: [
      { name: 'S', length: 64, width: 38, height: 8 },
      { name: 'M', length: 64, width: 38, height: 19 },
      { name: 'L', length: 64, width: 38, height: 41 },
    ],
  },
  pickup_point: { maxWeight: 15_000, cells: [{ name: 'max', length: 60, width: 40, height: 40 }] },
};

/**
 * Russian Post's kinds of object (`type` in the passport, `type-code` in Otpravka). Offices of every
 * rank are post offices; АПС (автоматизированный пункт выдачи) and ПОЧТОМАТ are lockers; ПВЗ are
 * partner pickup points.
 */
export const POCHTA_KINDS: Readonly<Record<string, BranchType>> = {
  ОПС: 'post_office',
  ГОПС: 'post_office',
  СОПС: 'post_office',
  ПОЧТАМТ: 'post_office',
  УОПС: 'post_office',
  ПЖДПС: 'post_office',
  ОПП: 'post_office',
  ЦОПП: 'post_office',
  ОВПО: 'post_office',
  АПС: 'parcel_locker',
  ПОЧТОМАТ: 'parcel_locker',
  ПВЗ: 'pickup_point',
};

export function pochtaKind(raw: unknown): BranchType {
  const kind = asText(raw).trim().toUpperCase();
  const type = POCHTA_KINDS[kind];
  if (!type)
    throw new Error(
      `"${asText(raw)}" is not a known kind of object: ${Object.keys(POCHTA_KINDS).join(', ')}`,
    );
  return type;
}

/** A branch's display name when the source gives none. */
export function defaultName(
  type: BranchType,
  place: string,
  postalCode: string,
  brand?: string,
): string {
  if (type === 'parcel_locker') return `Почтомат ${postalCode}${place ? `, ${place}` : ''}`;
  if (type === 'pickup_point')
    return `Пункт выдачи${brand ? ` «${brand}»` : ''} ${postalCode}${place ? `, ${place}` : ''}`;
  return `${place || 'Отделение'} ${postalCode}`;
}
