/** The messages between the subset encoder (main thread) and its worker. */
import type { BranchType } from '#core/branch';
import type { BBox } from '#core/geo';

export type ToWorker =
  /** The whole network, as its compact JSON, named by its ETag. */
  | { op: 'load'; etag: string; identity: Uint8Array }
  /** A part of the network last loaded: in a box (already snapped), of some types. */
  | { op: 'encode'; id: number; etag: string; bbox: BBox | null; types: BranchType[] };

export type FromWorker =
  | {
      id: number;
      ok: true;
      etag: string;
      count: number;
      identity: Uint8Array;
      gzip: Uint8Array;
      brotli: Uint8Array;
    }
  | { id: number; ok: false; message: string };
