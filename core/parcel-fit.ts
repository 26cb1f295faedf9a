/**
 * Whether a parcel fits a branch: its weight within the branch's limit, and its three sides, in
 * any orientation, inside one of the branch's cells (a locker's S/M/L, a counter's maximum).
 */
import type { BranchLimits } from './branch';

/** A parcel: grams, and centimetres when known. */
export interface Parcel {
  weight: number;
  size: [number, number, number] | null;
}

const sorted = (dims: readonly number[]): number[] => [...dims].sort((a, b) => b - a);

/** The smallest cell the parcel fits (by volume), or null when none does or it is too heavy. */
export function fittingCell(limits: BranchLimits, parcel: Parcel): string | null {
  if (parcel.weight > limits.maxWeight) return null;
  if (!parcel.size) return limits.cells[0]?.name ?? 'max';
  const want = sorted(parcel.size);
  const fits = limits.cells
    .filter((c) => {
      const have = sorted([c.length, c.width, c.height]);
      return want.every((d, i) => d <= have[i]!);
    })
    .sort((a, b) => a.length * a.width * a.height - b.length * b.width * b.height);
  return fits[0]?.name ?? null;
}

export const fitsParcel = (limits: BranchLimits, parcel: Parcel): boolean =>
  fittingCell(limits, parcel) !== null;
