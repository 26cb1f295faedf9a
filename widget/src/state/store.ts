/**
 * One element's state (zustand, vanilla): a store per instance, never a module singleton, so two
 * pickers on one page stay independent. State and actions are typed apart; derived values are
 * selectors below.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Branch } from '#core/branch';
import type { QuoteAnswer } from '../api/api-client';
import type { PickerErrorDetail } from '../events';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** The price of the configured parcel to the open branch. */
export interface QuoteState {
  status: LoadStatus;
  quote: QuoteAnswer | null;
  error: PickerErrorDetail | null;
}

/** The branch whose card is open. */
export interface ActiveBranch {
  id: string;
  status: LoadStatus;
  branch: Branch | null;
  error: PickerErrorDetail | null;
  /** null when the picker has no sender (`from`) to price from. */
  quote: QuoteState | null;
}

export interface PickerState {
  /** The network: loading, shown, or failed. */
  status: LoadStatus;
  error: PickerErrorDetail | null;
  /** Branches on the map after the type filter. */
  total: number;
  /** Branches inside the visible map, once known. */
  inView: number | null;
  active: ActiveBranch | null;
  /** Id of the branch the buyer chose. */
  chosenId: string | null;
}

export interface PickerActions {
  loading(): void;
  loaded(total: number): void;
  failed(error: PickerErrorDetail): void;
  viewChanged(inView: number): void;
  activate(id: string): void;
  activeLoaded(branch: Branch): void;
  activeFailed(id: string, error: PickerErrorDetail): void;
  deactivate(): void;
  quoteLoading(id: string): void;
  quoteLoaded(id: string, quote: QuoteAnswer): void;
  quoteFailed(id: string, error: PickerErrorDetail): void;
  choose(id: string): void;
}

export type PickerStore = StoreApi<PickerState & PickerActions>;

export const initialState: PickerState = {
  status: 'loading',
  error: null,
  total: 0,
  inView: null,
  active: null,
  chosenId: null,
};

export function createPickerStore(): PickerStore {
  return createStore<PickerState & PickerActions>()((set) => {
    /** Changes the open card, unless the buyer has moved on to another branch meanwhile. */
    const update = (id: string, change: (a: ActiveBranch) => Partial<ActiveBranch>) =>
      set((s) => (s.active?.id === id ? { active: { ...s.active, ...change(s.active) } } : {}));
    return {
      ...initialState,
      loading: () => set({ status: 'loading', error: null }),
      loaded: (total) => set({ status: 'ready', total, error: null }),
      failed: (error) => set({ status: 'error', error }),
      viewChanged: (inView) => set({ inView }),
      activate: (id) =>
        set({ active: { id, status: 'loading', branch: null, error: null, quote: null } }),
      activeLoaded: (branch) => update(branch.id, () => ({ status: 'ready', branch, error: null })),
      activeFailed: (id, error) => update(id, () => ({ status: 'error', branch: null, error })),
      quoteLoading: (id) =>
        update(id, () => ({ quote: { status: 'loading', quote: null, error: null } })),
      quoteLoaded: (id, quote) =>
        update(id, () => ({ quote: { status: 'ready', quote, error: null } })),
      quoteFailed: (id, error) =>
        update(id, () => ({ quote: { status: 'error', quote: null, error } })),
      deactivate: () => set({ active: null }),
      choose: (id) => set({ chosenId: id }),
    };
  });
}

/** Whether the open card shows the branch the buyer already chose. */
export const isActiveChosen = (s: PickerState): boolean =>
  s.active !== null && s.active.id === s.chosenId;
