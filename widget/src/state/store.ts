/**
 * One element's shared state (zustand, vanilla): a store per instance, never a module singleton, so
 * two pickers on one page stay independent. It holds what more than one controller reads; what one
 * controller alone needs stays in that controller. State and actions are typed apart; derived values
 * are selectors below.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BranchType } from '#core/branch';
import { NO_FILTERS, type Filters } from '../network/protocol';
import type { Remembered } from './remember';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface PickerState {
  /** The network and the map: loading, shown, or failed. */
  status: LoadStatus;
  /** Branches inside the visible map, once known. */
  inView: number | null;
  /** Per type, what its filter chip would show. */
  byType: Record<BranchType, number> | null;
  /** What the buyer narrowed the network to. */
  filters: Filters;
  /** Id of the branch whose card is open. */
  activeId: string | null;
  /** Id of the branch the buyer chose. */
  chosenId: string | null;
  /** The branch chosen last time on this device, offered first. */
  remembered: Remembered | null;
  /** A message shown above the list (geolocation refused, no branch nearby). */
  notice: string | null;
}

export interface PickerActions {
  loading(): void;
  loaded(): void;
  failed(): void;
  viewChanged(inView: number, byType: Record<BranchType, number>): void;
  setFilters(filters: Filters): void;
  open(id: string): void;
  closeCard(): void;
  choose(id: string): void;
  setRemembered(remembered: Remembered | null): void;
  setNotice(notice: string | null): void;
}

export type PickerStore = StoreApi<PickerState & PickerActions>;

export const initialState: PickerState = {
  status: 'loading',
  inView: null,
  byType: null,
  filters: NO_FILTERS,
  activeId: null,
  chosenId: null,
  remembered: null,
  notice: null,
};

export function createPickerStore(): PickerStore {
  return createStore<PickerState & PickerActions>()((set) => ({
    ...initialState,
    loading: () => set({ status: 'loading' }),
    loaded: () => set({ status: 'ready' }),
    failed: () => set({ status: 'error' }),
    viewChanged: (inView, byType) => set({ inView, byType }),
    setFilters: (filters) => set({ filters }),
    open: (id) => set({ activeId: id }),
    closeCard: () => set({ activeId: null }),
    choose: (id) => set({ chosenId: id }),
    setRemembered: (remembered) => set({ remembered }),
    setNotice: (notice) => set({ notice }),
  }));
}

/** Whether the open card shows the branch the buyer already chose. */
export const isActiveChosen = (s: PickerState): boolean =>
  s.activeId !== null && s.activeId === s.chosenId;

/** The remembered branch, unless it is the one chosen now (then the offer has been taken). */
export const rememberedOffer = (s: PickerState): Remembered | null =>
  s.remembered && s.chosenId !== s.remembered.id ? s.remembered : null;
