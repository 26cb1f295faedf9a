/**
 * The cluster worker: downloads the network, decodes it and builds the index off the main thread,
 * then answers the map's questions (clusters in a view, counts, expansion zooms). Parsing a
 * megabyte of JSON and indexing 40,000 points costs hundreds of milliseconds: here, the page
 * stays responsive while it happens.
 */
import { decodeCompact } from '#core/compact';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { ClusterIndex } from './cluster-index';
import type { LoadResult, WorkerRequest, WorkerResponse } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
let index: ClusterIndex | undefined;

async function load(api: string, types: readonly string[]): Promise<LoadResult> {
  const payload = await new ApiClient(api).branches();
  const points = decodeCompact(payload);
  const kept = types.length ? points.filter((p) => types.includes(p.type)) : points;
  index = new ClusterIndex(kept);
  return { count: index.size };
}

function requireIndex(): ClusterIndex {
  if (!index) throw new Error('The network is not loaded yet: send "load" first');
  return index;
}

async function handle(data: WorkerRequest): Promise<void> {
  try {
    let result;
    switch (data.op) {
      case 'load':
        result = await load(data.api, data.types);
        break;
      case 'view': {
        const idx = requireIndex();
        result = {
          features: idx.getFeatures(data.bbox, data.zoom),
          inView: idx.countIn(data.bbox),
        };
        break;
      }
      case 'expansion':
        result = { zoom: requireIndex().expansionZoom(data.clusterId) };
        break;
    }
    scope.postMessage({ id: data.id, ok: true, result });
  } catch (error) {
    const code =
      error instanceof ApiError ? error.code : ((error as { code?: string }).code ?? 'worker');
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id: data.id, ok: false, error: { code, message } });
  }
}

scope.onmessage = ({ data }) => void handle(data);
