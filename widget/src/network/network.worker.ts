/**
 * The network worker: downloads the network, decodes it, and answers the element's questions from
 * a NetworkView, off the main thread. It only passes messages; the logic is in network-view.ts.
 */
import * as ky from 'ky';
import { decodeCompact } from '#core/compact';
import { ApiClient } from '../api/api-client';
import { PickerError } from '../errors';
import { NetworkView } from './network-view';
import type { WorkerRequest, WorkerResponse } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const network = new NetworkView();

async function answer(data: WorkerRequest) {
  switch (data.op) {
    case 'load':
      return network.load(decodeCompact(await new ApiClient(data.api, ky).branches()), data.types);
    case 'filter':
      return network.filter(data.filters);
    case 'view':
      return network.view(data);
    case 'nearest':
      return network.nearest(data);
    case 'expansion':
      return network.expansionZoom(data.clusterId);
  }
}

scope.onmessage = ({ data }) => {
  answer(data).then(
    (result) => scope.postMessage({ id: data.id, ok: true, result }),
    (error: unknown) =>
      scope.postMessage({
        id: data.id,
        ok: false,
        error: {
          code: error instanceof PickerError ? error.code : 'worker',
          message: error instanceof Error ? error.message : String(error),
        },
      }),
  );
};
