// Request/response over the pipeline worker. The Worker is created on the
// first request, which the widget sends only once it is visible, so neither
// the engine nor onnxruntime load for a reader who never scrolls there.
import type { PipelineRequest, PipelineResponse, RequestEnvelope, ResponseEnvelope } from './protocol';

export interface PipelineClient {
  request(request: PipelineRequest): Promise<PipelineResponse>;
  /** Stops the worker; the next request starts a new one (with a new workspace). */
  dispose(): void;
}

export function createPipelineClient(createWorker: () => Worker): PipelineClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, (response: PipelineResponse) => void>();

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ type: 'error', message });
    pending.clear();
  };

  const ensure = (): Worker => {
    if (worker) return worker;
    const created = createWorker();
    created.onmessage = (event: MessageEvent<ResponseEnvelope>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data.response);
    };
    created.onerror = (event) => {
      event.preventDefault();
      // A crashed worker cannot say which request failed: answer them all, and start afresh next time.
      failAll(`The pipeline simulator stopped unexpectedly: ${event.message || 'unknown error'}`);
      created.terminate();
      worker = undefined;
    };
    worker = created;
    return created;
  };

  return {
    request(request) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ensure().postMessage({ id, request } satisfies RequestEnvelope);
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll('The pipeline simulator was stopped');
    },
  };
}

let shared: PipelineClient | undefined;

/** The page-wide client: one worker, one workspace, however often the widget remounts. */
export function sharedPipelineClient(): PipelineClient {
  shared ??= createPipelineClient(
    () => new Worker(new URL('../_workers/pipeline.worker.ts', import.meta.url), { type: 'module', name: 'pipeline-graph' }),
  );
  return shared;
}
