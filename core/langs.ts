/**
 * The languages the widget speaks (contract): `lang` takes these, the configurator offers them, the
 * proxy validates saved configurations against them. Each has its catalogue in
 * widget/src/i18n/languages/<lang>.ts; a test checks the two lists agree, so adding a language is
 * adding its file and its name here.
 */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ru';
