// The one Web Worker that runs the engine for every lab widget on a page. It
// is created on the first request, which a widget sends only once it has
// scrolled into view, so onnxruntime and its wasm never load for a reader who
// does not reach a simulator.
import type { WorkerMessage, WorkerRequest } from '../model/protocol';

export interface LabWorkerClient {
  send(request: WorkerRequest): void;
  /** Messages for one channel; returns the unsubscribe function. */
  subscribe(channel: string, listener: (message: WorkerMessage) => void): () => void;
}

export function createWorkerClient(createWorker: () => Worker): LabWorkerClient {
  let worker: Worker | undefined;
  const listeners = new Map<string, Set<(message: WorkerMessage) => void>>();
  const dispatch = (message: WorkerMessage) => listeners.get(message.channel)?.forEach((listener) => listener(message));

  const ensure = (): Worker => {
    if (worker) return worker;
    worker = createWorker();
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => dispatch(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      // A crashed worker cannot say which request failed: tell every widget, and start afresh next time.
      const message = `The simulator stopped unexpectedly: ${event.message || 'unknown error'}`;
      for (const channel of listeners.keys()) dispatch({ type: 'error', channel, id: -1, message });
      worker?.terminate();
      worker = undefined;
    };
    return worker;
  };

  return {
    send: (request) => ensure().postMessage(request),
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

let shared: LabWorkerClient | undefined;

/** The page-wide client; the Worker inside it starts with the first request. */
export function sharedLabWorker(): LabWorkerClient {
  shared ??= createWorkerClient(() => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'parallel-run-lab' }));
  return shared;
}
