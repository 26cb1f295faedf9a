/**
 * The branches the proxy serves, held in memory: a map by id for single lookups, and the whole
 * network pre-encoded in the compact transport, pre-compressed, with its strong ETag, so that the
 * hottest request (a widget loading the network) costs a memory copy.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzipSync } from 'node:zlib';
import type { Branch } from '#core/branch';
import { encodeCompact } from '#core/compact';

const brotli = promisify(brotliCompress);

/** One encoded representation of the network. */
export interface EncodedNetwork {
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  /** Filled in the background: brotli at its best level takes a second for a megabyte. */
  brotli?: Buffer;
}

export class BranchStore {
  private readonly byId = new Map<string, Branch>();
  private encoded: EncodedNetwork;
  /** Resolves when the brotli encoding is ready; tests and benchmarks wait on it. */
  readonly compressed: Promise<void>;

  constructor(branches: readonly Branch[]) {
    for (const b of branches) {
      if (this.byId.has(b.id)) throw new Error(`Duplicate branch id ${b.id}: ids must be unique`);
      this.byId.set(b.id, b);
    }
    const identity = Buffer.from(JSON.stringify(encodeCompact(branches)));
    const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`;
    this.encoded = { etag, identity, gzip: gzipSync(identity, { level: 9 }) };
    this.compressed = brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }).then((buf) => {
      this.encoded.brotli = buf;
    });
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Branch | undefined {
    return this.byId.get(id);
  }

  /** The whole network in the compact transport. */
  network(): EncodedNetwork {
    return this.encoded;
  }
}
