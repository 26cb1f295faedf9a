/**
 * Parts of the network (`/branches?bbox=…&types=…`) encoded by a worker thread: the main thread
 * only snaps the box to its grid (snap.ts), looks in a cache bounded in bytes, and waits. Identical
 * requests in flight share one encoding. The worker starts on the first part asked for, is given each
 * new snapshot once, is started again if it dies, and is stopped with the server.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BranchType } from '#core/branch';
import type { BBox } from '#core/geo';
import type { EncodedNetwork } from './encode';
import type { FromWorker, ToWorker } from './protocol';

/** Bytes of encodings kept for one snapshot (each part is kept in three forms). */
const CACHE_BYTES = 48 * 1024 * 1024;

/**
 * The worker's script: beside this module in the bundle (dist/proxy/subset.worker.mjs). When the
 * proxy runs from its TypeScript source (tests, `npm run dev`), the worker is bundled on the spot by
 * esbuild (a development dependency, as tsx is) into one self-contained module, once per process.
 */
let fromSource: URL | undefined;
async function spawn(): Promise<Worker> {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./subset.worker.mjs', import.meta.url));
  if (!fromSource) {
    const { build } = await import('esbuild');
    const built = await build({
      entryPoints: [fileURLToPath(new URL('./subset.worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    fromSource = new URL(`data:text/javascript,${encodeURIComponent(built.outputFiles[0]!.text)}`);
  }
  return new Worker(fromSource);
}

const sizeOf = (e: EncodedNetwork) =>
  e.identity.byteLength + e.gzip.byteLength + (e.brotli?.byteLength ?? 0);

interface Pending {
  resolve: (encoded: EncodedNetwork) => void;
  reject: (error: Error) => void;
}

export class SubsetEncoder {
  private worker: Worker | null = null;
  /** The network the worker holds now. */
  private loadedEtag: string | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Per snapshot (by its ETag): encodings done or under way, least recently used first. */
  private cacheEtag: string | null = null;
  private readonly cache = new Map<string, Promise<EncodedNetwork>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  private stopped = false;
  private starting: Promise<Worker> | null = null;

  /**
   * The part of `full` (a snapshot's whole network, by ETag and compact JSON) in `bbox` (snapped
   * already) and of `types` (sorted, distinct; empty for all).
   */
  encode(
    full: { etag: string; identity: Buffer },
    bbox: BBox | null,
    types: BranchType[],
  ): Promise<EncodedNetwork> {
    if (this.stopped) return Promise.reject(new Error('the subset encoder was stopped'));
    if (this.cacheEtag !== full.etag) {
      this.cache.clear();
      this.sizes.clear();
      this.bytes = 0;
      this.cacheEtag = full.etag;
    }
    const key = `${bbox?.join(',') ?? ''}|${types.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const made = this.request(full, bbox, types);
    this.cache.set(key, made);
    made.then(
      (encoded) => {
        if (this.cache.get(key) !== made) return;
        this.sizes.set(key, sizeOf(encoded));
        this.bytes += sizeOf(encoded);
        this.evict();
      },
      () => {
        if (this.cache.get(key) === made) this.cache.delete(key);
      },
    );
    return made;
  }

  /** Stops the worker; what is pending is refused. */
  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    this.fail(new Error('the subset encoder was stopped'));
    await worker?.terminate();
  }

  private evict(): void {
    for (const [key, size] of this.sizes) {
      if (this.bytes <= CACHE_BYTES) break;
      this.sizes.delete(key);
      this.cache.delete(key);
      this.bytes -= size;
    }
  }

  private async request(
    full: { etag: string; identity: Buffer },
    bbox: BBox | null,
    types: BranchType[],
  ): Promise<EncodedNetwork> {
    const worker = await this.ensureWorker();
    if (this.loadedEtag !== full.etag) {
      const load: ToWorker = { op: 'load', etag: full.etag, identity: full.identity };
      worker.postMessage(load);
      this.loadedEtag = full.etag;
    }
    const id = this.nextId++;
    return new Promise<EncodedNetwork>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ToWorker = { op: 'encode', id, etag: full.etag, bbox, types };
      worker.postMessage(message);
    });
  }

  private async ensureWorker(): Promise<Worker> {
    if (this.worker) return this.worker;
    this.starting ??= spawn().finally(() => (this.starting = null));
    const worker = await this.starting;
    // Another request waited for the same one, and set it up first.
    if (this.worker === worker) return worker;
    if (this.stopped) {
      await worker.terminate();
      throw new Error('the subset encoder was stopped');
    }
    worker.unref();
    worker.on('message', (reply: FromWorker) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (!reply.ok) return pending.reject(new Error(reply.message));
      const buffer = (bytes: Uint8Array) =>
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      pending.resolve({
        etag: reply.etag,
        count: reply.count,
        identity: buffer(reply.identity),
        gzip: buffer(reply.gzip),
        brotli: buffer(reply.brotli),
      });
    });
    const died = (error: Error) => {
      if (this.worker !== worker) return;
      // The next part asked for starts a new one; what was waiting on this one is refused.
      this.worker = null;
      this.loadedEtag = null;
      this.fail(error);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the subset worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
