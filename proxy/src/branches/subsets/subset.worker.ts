/**
 * The worker that encodes parts of the network, so that no request's box costs the main thread
 * anything (a world-sized one is about 150 ms of JSON, gzip and brotli). It keeps the last network
 * it was given, decoded, with a spatial index over it.
 */
import { parentPort } from 'node:worker_threads';
import KDBush from 'kdbush';
import { decodeCompact, type BranchPoint } from '#core/compact';
import type { BBox } from '#core/geo';
import { encodeNetwork } from './encode';
import type { FromWorker, ToWorker } from './protocol';

/** Brotli quality for parts: fast, and still much smaller than gzip. */
const BROTLI_QUALITY = 5;

/** The bytes in an ArrayBuffer of their own, which may be transferred (a Buffer may share a pool). */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}

let loaded: { etag: string; points: BranchPoint[]; tree: KDBush } | null = null;

function load(etag: string, identity: Uint8Array): void {
  const points = decodeCompact(JSON.parse(Buffer.from(identity).toString('utf8')));
  const tree = new KDBush(Math.max(1, points.length));
  for (const p of points) tree.add(p.lon, p.lat);
  if (!points.length) tree.add(0, 0); // kdbush needs one point; it is never returned
  tree.finish();
  loaded = { etag, points, tree };
}

function inBox(points: BranchPoint[], tree: KDBush, [w, s, e, n]: BBox): BranchPoint[] {
  if (!points.length) return [];
  const ids =
    w <= e ? tree.range(w, s, e, n) : [...tree.range(w, s, 180, n), ...tree.range(-180, s, e, n)];
  return ids.map((i) => points[i]!);
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.op === 'load') {
    load(message.etag, message.identity);
    return;
  }
  const { id } = message;
  try {
    if (!loaded || loaded.etag !== message.etag)
      throw new Error(`network ${message.etag} was never loaded`);
    const { points, tree } = loaded;
    let picked = message.bbox ? inBox(points, tree, message.bbox) : points;
    if (message.types.length) picked = picked.filter((p) => message.types.includes(p.type));
    const encoded = encodeNetwork(picked, BROTLI_QUALITY);
    const reply: FromWorker = {
      id,
      ok: true,
      etag: encoded.etag,
      count: encoded.count,
      identity: own(encoded.identity),
      gzip: own(encoded.gzip),
      brotli: own(encoded.brotli!),
    };
    parentPort!.postMessage(reply, [
      reply.identity.buffer as ArrayBuffer,
      reply.gzip.buffer as ArrayBuffer,
      reply.brotli.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    const reply: FromWorker = { id, ok: false, message: (error as Error).message };
    parentPort!.postMessage(reply);
  }
});
