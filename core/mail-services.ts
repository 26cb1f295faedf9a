/**
 * The mail services a shop can price a parcel with (contract): the widget's `service` attribute and
 * the proxy's `service` parameter take these names. Object codes and limits live in the proxy.
 */
export const MAIL_SERVICES = [
  'parcel',
  'parcel-online',
  'courier-online',
  'ems',
  'first-class',
  'ecom',
] as const;
export type MailService = (typeof MAIL_SERVICES)[number];
