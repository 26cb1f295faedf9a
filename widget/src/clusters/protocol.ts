/**
 * Messages between the element and its cluster worker. Every request carries an `id`; the worker
 * answers with the same `id` and either a result or an error.
 */
import type { BranchType } from '#core/branch';
import type { BBox, MapFeature } from './cluster-index';

export interface LoadRequest {
  op: 'load';
  /** Proxy base URL, ending in `/`. */
  api: string;
  /** Only these types are indexed; empty means all. */
  types: BranchType[];
}

export interface ViewRequest {
  op: 'view';
  bbox: BBox;
  zoom: number;
}

export interface ExpansionRequest {
  op: 'expansion';
  clusterId: number;
}

export type WorkerRequest = (LoadRequest | ViewRequest | ExpansionRequest) & { id: number };

export interface LoadResult {
  /** Branches indexed after the type filter. */
  count: number;
}

export interface ViewResult {
  features: MapFeature[];
  /** Exact number of branches inside the box. */
  inView: number;
}

export interface ExpansionResult {
  zoom: number;
}

export interface WorkerFailure {
  code: string;
  message: string;
}

export type WorkerResponse =
  | { id: number; ok: true; result: LoadResult | ViewResult | ExpansionResult }
  | { id: number; ok: false; error: WorkerFailure };
