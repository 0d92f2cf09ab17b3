// The one Web Worker that runs the engine for every lab widget on a page. It
// is created on the first request, which a widget sends only once it has
// scrolled into view, so onnxruntime and its wasm never load for a reader who
// does not reach a simulator.
import { lazyWorker, type WorkerLike } from '@/app/_platform/worker/lazy-worker';
import type { WorkerMessage, WorkerRequest } from '../model/protocol';

export interface LabWorkerClient {
  send(request: WorkerRequest): void;
  /** Messages for one channel; returns the unsubscribe function. */
  subscribe(channel: string, listener: (message: WorkerMessage) => void): () => void;
}

/**
 * Routes the worker's messages by channel: each widget's store subscribes to
 * its own, and one request may be answered by several messages (progress, the
 * result, quality, sweeps). The worker itself is the platform's lazy worker.
 */
export function createWorkerClient(createWorker: () => WorkerLike<WorkerMessage>): LabWorkerClient {
  const listeners = new Map<string, Set<(message: WorkerMessage) => void>>();
  const dispatch = (message: WorkerMessage) => listeners.get(message.channel)?.forEach((listener) => listener(message));
  const worker = lazyWorker<WorkerMessage>({
    createWorker,
    onMessage: dispatch,
    // A crash concerns every widget's latest request (id -1).
    onCrash(reason) {
      for (const channel of listeners.keys()) dispatch({ type: 'error', channel, id: -1, message: `The simulator stopped unexpectedly: ${reason}` });
    },
  });
  return {
    send: (request) => worker.post(request),
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
