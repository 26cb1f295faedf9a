/**
 * The branch a buyer chose last, kept on this device (localStorage) so that the next visit offers it
 * first. One entry per proxy, so two shops with different networks do not mix. Storage may be
 * refused (private mode, a full quota): then nothing is remembered and nothing breaks.
 */

const KEY_PREFIX = 'branch-picker:last:';

export interface Remembered {
  id: string;
  name: string;
  address: string;
  /** When it was chosen, ms since the epoch. */
  at: number;
}

export function recall(api: string): Remembered | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY_PREFIX + api);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Remembered>;
    return typeof value.id === 'string' && typeof value.name === 'string'
      ? {
          id: value.id,
          name: value.name,
          address: String(value.address ?? ''),
          at: Number(value.at ?? 0),
        }
      : null;
  } catch {
    return null;
  }
}

export function remember(api: string, value: Remembered): void {
  try {
    globalThis.localStorage?.setItem(KEY_PREFIX + api, JSON.stringify(value));
  } catch {
    // Storage refused: the choice simply is not remembered.
  }
}
