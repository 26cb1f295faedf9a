/**
 * One element's state (zustand, vanilla): a store per instance, never a module singleton, so two
 * pickers on one page stay independent. State and actions are typed apart; derived values are
 * selectors below.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Branch } from '#core/branch';
import type { PickerErrorDetail } from '../events';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** The branch whose card is open. */
export interface ActiveBranch {
  id: string;
  status: LoadStatus;
  branch: Branch | null;
  error: PickerErrorDetail | null;
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
  return createStore<PickerState & PickerActions>()((set) => ({
    ...initialState,
    loading: () => set({ status: 'loading', error: null }),
    loaded: (total) => set({ status: 'ready', total, error: null }),
    failed: (error) => set({ status: 'error', error }),
    viewChanged: (inView) => set({ inView }),
    activate: (id) => set({ active: { id, status: 'loading', branch: null, error: null } }),
    activeLoaded: (branch) =>
      set((s) =>
        s.active?.id === branch.id
          ? { active: { id: branch.id, status: 'ready', branch, error: null } }
          : {},
      ),
    activeFailed: (id, error) =>
      set((s) =>
        s.active?.id === id ? { active: { id, status: 'error', branch: null, error } } : {},
      ),
    deactivate: () => set({ active: null }),
    choose: (id) => set({ chosenId: id }),
  }));
}

/** Whether the open card shows the branch the buyer already chose. */
export const isActiveChosen = (s: PickerState): boolean =>
  s.active !== null && s.active.id === s.chosenId;
