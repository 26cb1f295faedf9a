/**
 * The element's events (contract). All bubble and cross the shadow boundary (`composed`), so a
 * listener on `document` hears them.
 */
import type { Branch } from '#core/branch';
import type { Quote } from '#core/quote';
import type { PickerErrorCode } from './errors';

export type { Quote } from '#core/quote';

export const SELECT_EVENT = 'branch-select';
export const READY_EVENT = 'branch-picker-ready';
export const ERROR_EVENT = 'branch-picker-error';
export const CLOSE_EVENT = 'branch-picker-close';

/** What a shop receives of the chosen branch. */
export type SelectedBranch = Pick<
  Branch,
  'id' | 'type' | 'name' | 'postalCode' | 'address' | 'location' | 'timezone' | 'hours' | 'payments'
>;

/** Detail of `branch-select`. */
export interface BranchSelection {
  branch: SelectedBranch;
  quote: Quote | null;
}

/** Detail of `branch-picker-ready`. */
export interface ReadyDetail {
  /** Branches on the map after the type filter. */
  branches: number;
}

/** Detail of `branch-picker-error`: a stable code and a sentence for people. */
export interface PickerErrorDetail {
  code: PickerErrorCode;
  message: string;
}

/** Copies what the payload promises, nothing more (no internal fields leak to the shop). */
export function toSelection(branch: Branch, quote: Quote | null): BranchSelection {
  const { id, type, name, postalCode, address, location, timezone, hours, payments } = branch;
  return {
    branch: structuredClone({
      id,
      type,
      name,
      postalCode,
      address,
      location,
      timezone,
      hours,
      payments,
    }),
    quote,
  };
}

declare global {
  interface HTMLElementEventMap {
    'branch-select': CustomEvent<BranchSelection>;
    'branch-picker-ready': CustomEvent<ReadyDetail>;
    'branch-picker-error': CustomEvent<PickerErrorDetail>;
    'branch-picker-close': CustomEvent<void>;
  }
}
