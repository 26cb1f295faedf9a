/**
 * The widget's side of the options table (core/options.ts): Lit's property declarations, and the
 * values the element derives from the parsed options.
 */
import { styleFile } from '#core/basemap';
import { BRANCH_TYPES, type BranchType } from '#core/branch';
import {
  OPTION_KEYS,
  OPTIONS,
  type OptionDef,
  type PickerOptions,
  type ResolvedOptions,
  type Theme,
} from '#core/options';
import type { Parcel } from '#core/parcel-fit';

export * from '#core/options';

/** Lit's reactive property declarations, one per option. */
export const OPTION_PROPERTIES = Object.fromEntries(
  OPTION_KEYS.map((key) => {
    const def: OptionDef<unknown> = OPTIONS[key];
    return [
      key,
      {
        type: def.kind === 'flag' ? Boolean : String,
        attribute: def.attribute,
        ...(def.reflect ? { reflect: true } : {}),
      },
    ];
  }),
);

/** Whether the picker is drawn dark: `dark`, or `auto` on a system that prefers dark. */
export const isDark = (theme: Theme, systemDark: boolean): boolean =>
  theme === 'dark' || (theme === 'auto' && systemDark);

/** The map style: the page's own, or the proxy's basemap (streets when it has them) in the picker's theme and language. */
export function styleUrlFor(options: PickerOptions, dark: boolean): string {
  if (options.mapStyle) return options.mapStyle;
  return new URL(`basemap/${styleFile(dark, options.lang)}`, options.api).href;
}

/** What the map and the network are built from: when it changes, the picker starts again. */
export function sessionKey({ options, errors }: ResolvedOptions, dark: boolean): string {
  if (errors.length) return `invalid: ${errors.map((e) => e.message).join('; ')}`;
  return JSON.stringify([options.api, options.lang, options.types, styleUrlFor(options, dark)]);
}

/** The parcel, when the page said anything about it: then cards say whether it fits. */
export function parcelOf({ options, given }: ResolvedOptions): Parcel | null {
  return options.from || given.has('weight') || options.size
    ? { weight: options.weight, size: options.size }
    : null;
}

/** The branch types the site allows, in their canonical order. */
export function siteTypes({ options }: ResolvedOptions): BranchType[] {
  return options.types.length
    ? BRANCH_TYPES.filter((t) => options.types.includes(t))
    : [...BRANCH_TYPES];
}

/** Russia without the far Arctic: the view before the buyer has said where they are. */
export const RUSSIA_BOUNDS: [[number, number], [number, number]] = [
  [27, 41],
  [179, 72],
];

/**
 * On a phone the whole country would be a thin strip, so the first view is where most branches are:
 * European Russia, the Urals and western Siberia. Search and "near me" go anywhere.
 */
export const RUSSIA_WEST_BOUNDS: [[number, number], [number, number]] = [
  [27, 42],
  [88, 68],
];
