/**
 * The element's side of the network worker: each call is a message with an id, answered by a
 * promise. `destroy()` ends the worker and rejects whatever is still waiting.
 */
import type { BranchType } from '#core/branch';
import { createModuleWorker } from '../util/create-worker';
import type { BBox } from '#core/geo';
import { PickerError } from '../errors';
import type {
  ExpansionResult,
  FilterResult,
  Filters,
  LoadResult,
  NearestResult,
  ViewResult,
  WorkerFailure,
  WorkerRequest,
  WorkerResponse,
} from './protocol';
import workerUrl from './network.worker.ts?worker&url';

/** A failure reported by the worker, with the worker's stable code. */
export class NetworkError extends PickerError {
  constructor(failure: WorkerFailure) {
    super(failure.code, failure.message);
    this.name = 'NetworkError';
  }
}

type Pending = { resolve: (value: never) => void; reject: (reason: unknown) => void };

type RequestBody = WorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

export class NetworkClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private destroyed = false;

  constructor() {
    this.worker = createModuleWorker(workerUrl, 'branch-picker-network');
    this.worker.onmessage = ({ data }: MessageEvent<WorkerResponse>) => {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      this.pending.delete(data.id);
      if (data.ok) waiting.resolve(data.result as never);
      else waiting.reject(new NetworkError(data.error));
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(
        new NetworkError({
          code: 'worker',
          message: event.message || 'the network worker failed to start',
        }),
      );
    };
  }

  /** Downloads and indexes the network; resolves with how many branches were indexed. */
  load(api: string, types: BranchType[]): Promise<LoadResult> {
    return this.call({ op: 'load', api, types });
  }

  /** Narrows the network; the counts per type come back. */
  filter(filters: Filters): Promise<FilterResult> {
    return this.call({ op: 'filter', filters });
  }

  /** Clusters and branches for a view, the exact count in it, and its nearest rows from `origin`. */
  view(
    bbox: BBox,
    zoom: number,
    origin: { lon: number; lat: number },
    listLimit: number,
  ): Promise<ViewResult> {
    return this.call({ op: 'view', bbox, zoom, origin, listLimit });
  }

  /** The nearest branch (after the filters) to a point, anywhere. */
  nearest(lon: number, lat: number): Promise<NearestResult> {
    return this.call({ op: 'nearest', lon, lat });
  }

  expansionZoom(clusterId: number): Promise<ExpansionResult> {
    return this.call({ op: 'expansion', clusterId });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.worker.terminate();
    this.failAll(new NetworkError({ code: 'destroyed', message: 'the picker was destroyed' }));
  }

  private call<T>(body: RequestBody): Promise<T> {
    if (this.destroyed)
      return Promise.reject(
        new NetworkError({ code: 'destroyed', message: 'the picker was destroyed' }),
      );
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: WorkerRequest = { ...body, id };
      this.worker.postMessage(message);
    });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
