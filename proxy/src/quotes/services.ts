/**
 * The mail services a shop can quote, and Russian Post's object codes for each. The suffix rule:
 * `…030` ordinary, `…020` with declared value, `…040` with declared value and cash on delivery
 * (shared/research/pochta-apis.md §1.4; codes from PochtaSdk's ObjectType, generated from the
 * tariff dictionary). Weight limits per service are Russian Post's.
 */

import { MAIL_SERVICES, type MailService } from '#core/mail-services';

export { MAIL_SERVICES, type MailService };

export interface ServiceSpec {
  /** Shown in docs and errors. */
  title: string;
  /** Object codes: ordinary, with declared value, with declared value and COD. */
  objects: { plain: number; value: number; cod: number };
  /** Heaviest parcel, grams. */
  maxWeight: number;
  /** The delivery-time API does not answer for this service (ECOM, per the RPAEFW plugin). */
  noDeliveryApi?: boolean;
}

export const SERVICE_SPECS: Readonly<Record<MailService, ServiceSpec>> = {
  parcel: { title: 'Посылка', objects: { plain: 4030, value: 4020, cod: 4040 }, maxWeight: 50_000 },
  'parcel-online': {
    title: 'Посылка онлайн',
    objects: { plain: 23030, value: 23020, cod: 23040 },
    maxWeight: 20_000,
  },
  'courier-online': {
    title: 'Курьер онлайн',
    objects: { plain: 24030, value: 24020, cod: 24040 },
    maxWeight: 31_500,
  },
  ems: { title: 'EMS', objects: { plain: 7030, value: 7020, cod: 7040 }, maxWeight: 31_500 },
  'first-class': {
    title: 'Посылка 1 класса',
    objects: { plain: 47030, value: 47020, cod: 47040 },
    maxWeight: 5_000,
  },
  // ECOM has no declared-value variant; COD is its "compulsory payment" line, 53070.
  ecom: {
    title: 'ЕКОМ',
    objects: { plain: 53030, value: 53030, cod: 53070 },
    maxWeight: 20_000,
    noDeliveryApi: true,
  },
};

/** The object code for a service, by declared value and cash on delivery. */
export function objectCode(service: MailService, value: number, cod: number): number {
  const { objects } = SERVICE_SPECS[service];
  if (cod > 0) return objects.cod;
  if (value > 0) return objects.value;
  return objects.plain;
}
