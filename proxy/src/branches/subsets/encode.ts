/**
 * One set of branches in the compact transport, with its strong ETag and its compressed forms. Used
 * for the whole network (at each reload) and, in the subset worker, for the parts of it.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Branch } from '#core/branch';
import { encodeCompact, type BranchPoint } from '#core/compact';

/** One encoded representation of a set of branches. */
export interface EncodedNetwork {
  etag: string;
  count: number;
  identity: Buffer;
  gzip: Buffer;
  /** For the whole network filled in the background (best brotli takes a second for a megabyte). */
  brotli?: Buffer;
}

/** gzip is the fallback for clients without brotli: a fast level, as it is built on every reload. */
const GZIP_LEVEL = 6;

/** Encodes branches; with a brotli quality, the brotli form too. */
export function encodeNetwork(
  branches: readonly (Branch | BranchPoint)[],
  brotliQuality: number | null,
): EncodedNetwork {
  const identity = Buffer.from(JSON.stringify(encodeCompact(branches)));
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`;
  const out: EncodedNetwork = {
    etag,
    count: branches.length,
    identity,
    gzip: gzipSync(identity, { level: GZIP_LEVEL }),
  };
  if (brotliQuality !== null) {
    out.brotli = brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality },
    });
  }
  return out;
}
