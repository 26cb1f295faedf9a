/**
 * The payload widget.pochta.ru's `callbackFunction` receives (`pvzData`), made from our choice, so
 * that a site written for Russian Post's widget reads it unchanged: `indexTo`, `pvzType`,
 * `mailType`, `cashOfDelivery` (the delivery price, kopecks), `deliveryDescription`, the address in
 * `regionTo`/`areaTo`/`cityTo`/`addressTo`, `weight`, `sumoc` as it was passed; and our whole
 * selection under `branchPicker`. Shapes: shared/research/pochta-apis.md §4.3.
 */
import type { BranchType } from '#core/branch';
import type { MailService } from '#core/mail-services';
import type { BranchSelection } from '../events';

/** widget.pochta.ru's names for the kinds of pickup point. */
export const PVZ_TYPES: Readonly<Record<BranchType, string>> = {
  post_office: 'russian_post',
  parcel_locker: 'postamat',
  pickup_point: 'additional_pvz',
};

/** Russian Post's names for the mail services (widget.pochta.ru's, and Otpravka's for the rest). */
export const MAIL_TYPES: Readonly<Record<MailService, string>> = {
  parcel: 'POSTAL_PARCEL',
  'parcel-online': 'ONLINE_PARCEL',
  'first-class': 'PARCEL_CLASS_1',
  ecom: 'ECOM_MARKETPLACE',
  ems: 'EMS',
  'courier-online': 'ONLINE_COURIER',
};

export interface PvzData {
  id: string;
  mailType: string;
  pvzType: string;
  indexTo: string;
  /** The delivery price in kopecks, as every site reading this payload divides by 100. */
  cashOfDelivery: number | null;
  deliveryDescription: {
    description: string;
    values: { deliveryMin: number; deliveryMax: number; extraTimeInHours: number };
  } | null;
  regionTo: string;
  areaTo: string | null;
  cityTo: string;
  addressTo: string;
  location: null;
  /** As the site passed them, as strings (widget.pochta.ru answers them so). */
  weight: string;
  sumoc: string;
  /** Ours: the whole `branch-select` detail. */
  branchPicker: BranchSelection;
}

const plural = new Intl.PluralRules('ru-RU');
const DAY_FORMS: Record<string, string> = { one: 'день', few: 'дня', many: 'дней', other: 'дня' };

/** `1 день`, `2–4 дня`, `2–5 дней`: the form follows the last number, as Russian reads it. */
export function daysText(min: number, max: number): string {
  const span = min === max ? String(max) : `${min}–${max}`;
  return `${span} ${DAY_FORMS[plural.select(max)]}`;
}

export function toPvzData(
  { branch, quote }: BranchSelection,
  passed: { service: MailService; weight: number; sumoc: string },
): PvzData {
  const { address } = branch;
  return {
    id: branch.id,
    mailType: MAIL_TYPES[passed.service],
    pvzType: PVZ_TYPES[branch.type],
    indexTo: branch.postalCode,
    cashOfDelivery: quote ? Math.round(quote.cost.amount * 100) : null,
    deliveryDescription: quote
      ? {
          description: daysText(quote.delivery.minDays, quote.delivery.maxDays),
          values: {
            deliveryMin: quote.delivery.minDays,
            deliveryMax: quote.delivery.maxDays,
            extraTimeInHours: 0,
          },
        }
      : null,
    regionTo: address.region,
    areaTo: null,
    cityTo: address.city,
    addressTo: [address.street, address.house].filter(Boolean).join(', '),
    location: null,
    weight: String(passed.weight),
    sumoc: passed.sumoc,
    branchPicker: { branch, quote },
  };
}
