/**
 * The form's fields, drawn from the widget's options table (core/options.ts): every option is a
 * field of its kind in its section, with its parser checking what the merchant types. An option the
 * table gains later lands in "Other" with the table's own description, without a change here.
 */
import { OPTION_KEYS, OPTIONS, type OptionDef, type OptionKey } from '#core/options';
import type { UiWords } from './i18n';

export type SectionId = keyof UiWords['sections'];

/** Where each option is shown; `null`: not a field (the configurator sets it itself). */
const SECTION_OF: Partial<Record<OptionKey, SectionId | null>> = {
  from: 'shipment',
  service: 'shipment',
  weight: 'shipment',
  size: 'shipment',
  value: 'shipment',
  cod: 'shipment',
  types: 'branches',
  filters: 'branches',
  center: 'branches',
  zoom: 'branches',
  selected: 'branches',
  theme: 'appearance',
  lang: 'appearance',
  mode: 'appearance',
  mapStyle: 'appearance',
  noRemember: 'behaviour',
  phoneStart: 'behaviour',
  noList: 'behaviour',
  noSearch: 'behaviour',
  noGeolocation: 'behaviour',
  history: 'behaviour',
  // The proxy is the configurator's own; a configuration cannot name another.
  api: null,
  config: null,
};

export const SECTIONS: readonly SectionId[] = [
  'shipment',
  'branches',
  'appearance',
  'behaviour',
  'pricing',
  'sites',
  'other',
];

export interface OptionField {
  key: OptionKey;
  def: OptionDef<unknown>;
  section: SectionId;
}

/** Every option that is a field, in the table's order. */
export const OPTION_FIELDS: readonly OptionField[] = OPTION_KEYS.flatMap((key) => {
  const section = SECTION_OF[key];
  if (section === null) return [];
  const def: OptionDef<unknown> = OPTIONS[key];
  return [{ key, def, section: section ?? 'other' }];
});

/** The table's description as plain text (it is Markdown for the README). */
export const plainDoc = (doc: string): string =>
  doc.replace(/[`*]/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');

/** An option's value as typed, checked by its parser: the message when it is wrong, else null. */
export function optionProblem(def: OptionDef<unknown>, text: string): string | null {
  try {
    def.parse(text);
    return null;
  } catch (error) {
    // "<branch-picker from="12">: must be …": what is allowed is after the colon.
    const message = (error as Error).message;
    return message.slice(message.indexOf('>: ') + 3) || message;
  }
}
