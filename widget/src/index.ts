/**
 * The widget's one public entry (the loader imports it from `/widget/<version>/`; the npm package's
 * main module): defines `<branch-picker>`. Explicit export list: everything else is internal.
 */
import { BranchPicker } from './branch-picker';

export { BranchPicker } from './branch-picker';
export type { Branch, BranchType, BranchHours, BranchAddress, BranchPayments } from '#core/branch';
export type {
  BranchSelection,
  SelectedBranch,
  Quote,
  PickerErrorDetail,
  ReadyDetail,
} from './events';
export { SELECT_EVENT, READY_EVENT, ERROR_EVENT, CLOSE_EVENT } from './events';
export { OPTIONS } from './options';
export { pick, type PickOptions } from './pick';

/** The embed page's start (the loader calls it there): a chunk of its own, loaded only then. */
export const startEmbed = (): Promise<void> =>
  import('./embed/embed').then((embed) => embed.startEmbed());

export const TAG_NAME = 'branch-picker';

// Guarded: a page that loads the script twice (a CMS plugin and a theme) keeps the first definition;
// a server rendering the shop's page (the npm package imported in Next.js or Nuxt) may have no
// registry at all, and there is nothing to define.
if (typeof customElements !== 'undefined' && !customElements.get(TAG_NAME))
  customElements.define(TAG_NAME, BranchPicker);

declare global {
  interface HTMLElementTagNameMap {
    'branch-picker': BranchPicker;
  }
}
