/**
 * The configurator's state (zustand, vanilla): the draft the merchant shapes, what was saved (its
 * id, version and ETag, and the owner token this browser holds), and the saving status. The draft
 * and the saved reference are kept in this browser's storage, so a reload loses nothing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Appearance } from '#core/appearance';
import type { OwnerConfig, SavedPricing, WidgetConfigInput } from '#core/widget-config';

export interface Draft {
  name: string;
  /** Widget options by attribute name, as typed. */
  options: Record<string, string | true>;
  appearance: Appearance;
  /** Whether cards show cost and time: without it, `from` is not saved. */
  showPrice: boolean;
  pricing: SavedPricing;
  allowedOrigins: string[];
  allowedReturnUrls: string[];
  pochtaWidgetId: number | null;
  /** The name of the place the map starts at, for the form (not saved). */
  startLabel?: string;
}

export interface Saved {
  id: string;
  version: number;
  etag: string;
  /** The owner token, as this browser knows it. */
  token: string;
}

export interface ConfiguratorState {
  draft: Draft;
  saved: Saved | null;
  /** The draft as last saved (JSON), to tell unsaved changes. */
  savedDraft: string | null;
  status: 'idle' | 'saving' | 'conflict' | 'error';
  message: string | null;
  /** A token just issued: shown once. */
  newToken: string | null;
}

export interface ConfiguratorActions {
  setOption(attribute: string, value: string | true | null): void;
  setAppearance(field: keyof Appearance, value: string | number | null): void;
  setPricing(field: keyof SavedPricing, value: string | number | null): void;
  setDraft(change: Partial<Draft>): void;
  saving(): void;
  savedAs(config: OwnerConfig, etag: string, token?: string): void;
  failed(status: 'conflict' | 'error', message: string): void;
  reset(): void;
}

export type ConfiguratorStore = StoreApi<ConfiguratorState & ConfiguratorActions>;

const STORAGE_KEY = 'branch-picker:configurator';

/** A new shop's starting point: a parcel from Moscow, every branch type. */
export const emptyDraft = (): Draft => ({
  name: '',
  options: { from: '101000' },
  appearance: {},
  showPrice: true,
  pricing: {},
  allowedOrigins: [],
  allowedReturnUrls: [],
  pochtaWidgetId: null,
});

/** What the API takes, made from the draft. */
export function toInput(d: Draft): WidgetConfigInput {
  const options = { ...d.options };
  if (!d.showPrice) delete options.from;
  return {
    ...(d.name ? { name: d.name } : {}),
    options,
    appearance: d.appearance,
    pricing: d.pricing,
    allowedOrigins: d.allowedOrigins,
    allowedReturnUrls: d.allowedReturnUrls,
    ...(d.pochtaWidgetId ? { pochtaWidgetId: d.pochtaWidgetId } : {}),
  };
}

/** A saved configuration as a draft. */
export function fromConfig(c: OwnerConfig): Draft {
  return {
    name: c.name ?? '',
    options: { ...c.options },
    appearance: { ...c.appearance },
    showPrice: 'from' in c.options,
    pricing: { ...c.pricing },
    allowedOrigins: [...c.allowedOrigins],
    allowedReturnUrls: [...c.allowedReturnUrls],
    pochtaWidgetId: c.pochtaWidgetId,
  };
}

function load(): Pick<ConfiguratorState, 'draft' | 'saved' | 'savedDraft'> {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) return JSON.parse(raw) as Pick<ConfiguratorState, 'draft' | 'saved' | 'savedDraft'>;
  } catch {
    // Storage refused or spoiled: start afresh.
  }
  return { draft: emptyDraft(), saved: null, savedDraft: null };
}

export function createConfiguratorStore(): ConfiguratorStore {
  const store = createStore<ConfiguratorState & ConfiguratorActions>()((set) => {
    const draft = (change: (d: Draft) => Partial<Draft>) =>
      set((s) => ({ draft: { ...s.draft, ...change(s.draft) } }));
    const without = <T extends object>(o: T, key: string): T => {
      const copy = { ...o } as Record<string, unknown>;
      delete copy[key];
      return copy as T;
    };
    return {
      ...load(),
      status: 'idle',
      message: null,
      newToken: null,
      setOption: (attribute, value) =>
        draft((d) => ({
          options:
            value === null || value === ''
              ? without(d.options, attribute)
              : { ...d.options, [attribute]: value },
        })),
      setAppearance: (field, value) =>
        draft((d) => ({
          appearance:
            value === null || value === ''
              ? without(d.appearance, field)
              : { ...d.appearance, [field]: value },
        })),
      setPricing: (field, value) =>
        draft((d) => ({
          pricing:
            value === null || value === ''
              ? without(d.pricing, field)
              : { ...d.pricing, [field]: value },
        })),
      setDraft: (change) => draft(() => change),
      saving: () => set({ status: 'saving', message: null }),
      savedAs: (config, etag, token) =>
        set((s) => {
          const next = fromConfig(config);
          // The start's place name is the form's, not saved: kept while the start is the same.
          if (s.draft.startLabel && s.draft.options.center === next.options.center)
            next.startLabel = s.draft.startLabel;
          return {
            draft: next,
            savedDraft: JSON.stringify(next),
            saved: {
              id: config.id,
              version: config.version,
              etag,
              token: token ?? s.saved?.token ?? '',
            },
            status: 'idle',
            message: null,
            newToken: token ?? null,
          };
        }),
      failed: (status, message) => set({ status, message }),
      reset: () =>
        set({
          draft: emptyDraft(),
          saved: null,
          savedDraft: null,
          status: 'idle',
          message: null,
          newToken: null,
        }),
    };
  });
  store.subscribe(({ draft, saved, savedDraft }) => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ draft, saved, savedDraft }));
    } catch {
      // Not kept: the page still works.
    }
  });
  return store;
}
