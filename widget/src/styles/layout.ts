/**
 * Sizes that the styles and the code both depend on, in one place: the CSS gets them as custom
 * properties (tokens.styles.ts), the code imports them.
 */

/** Every list row is this tall, CSS px: fixed, so that the scroll position says which rows are in sight. */
export const ROW_HEIGHT_PX = 84;

/** On a phone the sheet (list or card) covers this fraction of the picker's height. */
export const SHEET_FRACTION = 0.62;

/** On a phone, the toolbar over the map ends this far below the picker's top, CSS px. */
export const TOOLBAR_CLEARANCE_PX = 132;

/** Below this width the picker is a phone layout: map, a bar on top, a sheet below. */
export const NARROW_PX = 640;

/**
 * Stacking inside the picker, lowest first. The modal's own level is outside the scale: it must
 * sit over the shop's page.
 */
export const Z = {
  marker: 2,
  count: 3,
  overlay: 4,
  panel: 6,
  toolbar: 7,
  sheet: 8,
  sheetToggle: 9,
  suggestions: 20,
  modal: 2147483000,
} as const;
