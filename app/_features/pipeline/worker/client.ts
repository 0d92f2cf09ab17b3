// Request/response over the pipeline worker. The Worker is created on the
// first request, which the widget sends only once it is visible, so neither
// the engine nor onnxruntime load for a reader who never scrolls there.
import { createWorkerRpc } from '@/app/_platform/worker/rpc';
import type { PipelineRequest, PipelineResponse, RequestEnvelope, ResponseEnvelope } from '../model/protocol';

export interface PipelineClient {
  request(request: PipelineRequest): Promise<PipelineResponse>;
  /** Stops the worker; the next request starts a new one (with a new workspace). */
  dispose(): void;
}

export function createPipelineClient(createWorker: () => Worker): PipelineClient {
  const rpc = createWorkerRpc<PipelineRequest, PipelineResponse, ResponseEnvelope>({
    createWorker,
    envelope: (id, request) => ({ id, request }) satisfies RequestEnvelope,
    open: ({ id, response }) => ({ id, response }),
    failure: (message) => ({ type: 'error', message }),
    what: 'The pipeline simulator',
  });
  return { request: (request) => rpc.request(request), dispose: () => rpc.dispose() };
}

let shared: PipelineClient | undefined;

/** The page-wide client: one worker, one workspace, however often the widget remounts. */
export function sharedPipelineClient(): PipelineClient {
  shared ??= createPipelineClient(
    () => new Worker(new URL('./pipeline.worker.ts', import.meta.url), { type: 'module', name: 'pipeline-graph' }),
  );
  return shared;
}
