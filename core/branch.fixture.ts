/**
 * Test fixtures for the branch model: a plausible Saratov post office that a test adjusts to what it
 * needs. Used by unit tests only; each call returns fresh objects, so tests share no mutable state.
 */
import type { Branch, BranchHours } from './branch';

/** A week with every day off; tests that do not care about hours use it. */
export const closedWeek = (): BranchHours => ({
  weekly: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
  exceptions: [],
});

export function makeBranch(id: string, overrides: Partial<Branch> = {}): Branch {
  return {
    id,
    type: 'post_office',
    name: `Саратов ${id}`,
    postalCode: id,
    address: {
      full: `${id}, Саратовская область, г. Саратов, ул. Ленина, 1`,
      region: 'Саратовская область',
      city: 'Саратов',
      street: 'ул. Ленина',
      house: '1',
    },
    location: { lat: 51.53312, lon: 46.03478 },
    timezone: 'Europe/Saratov',
    hours: closedWeek(),
    payments: { card: true, cash: true, cod: true },
    limits: { maxWeight: 20000, cells: [{ name: 'max', length: 100, width: 60, height: 60 }] },
    services: [],
    temporarilyClosed: false,
    source: 'demo',
    ...overrides,
  };
}
