/**
 * One set of branches in the compact transport, with its strong ETag and its compressed forms. Used
 * for the whole network (at each reload) and, in the subset worker, for the parts of it.
 */
import type { Branch } from '#core/branch';
import { encodeCompact, type BranchPoint } from '#core/compact';
import { encodeBody, type EncodedBody } from '../../encoded-body';

/**
 * One encoded representation of a set of branches. `brotli` is left out for the whole network at
 * first and filled in the background (best brotli takes a second for a megabyte).
 */
export interface EncodedNetwork extends EncodedBody {
  count: number;
}

/** Encodes branches; with a brotli quality, the brotli form too. */
export function encodeNetwork(
  branches: readonly (Branch | BranchPoint)[],
  brotliQuality: number | null,
): EncodedNetwork {
  const identity = Buffer.from(JSON.stringify(encodeCompact(branches)));
  return { ...encodeBody(identity, brotliQuality), count: branches.length };
}
