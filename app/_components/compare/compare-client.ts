// Request/response over the compare worker. The Worker is created on the
// first sweep, which the widget asks for only once it is on screen, so the
// engine never loads for a reader who does not scroll there.
import type { CompareOutcome, CompareResponse, SweepOptions } from './compare-protocol';

export interface CompareClient {
  compare(options: SweepOptions): Promise<CompareOutcome>;
  dispose(): void;
}

/** The part of Worker the client uses (so tests can hand in a stand-in). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<CompareResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

export function createCompareClient(createWorker: () => WorkerLike): CompareClient {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, (outcome: CompareOutcome) => void>();

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ type: 'error', message });
    pending.clear();
  };

  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const created = createWorker();
    created.onmessage = (event) => {
      const { id, ...outcome } = event.data;
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.(outcome as CompareOutcome);
    };
    created.onerror = (event) => {
      event.preventDefault();
      // A crashed worker cannot say which sweep failed: answer them all, and start afresh next time.
      failAll(`The comparison stopped unexpectedly: ${event.message || 'unknown error'}`);
      created.terminate();
      worker = undefined;
    };
    worker = created;
    return created;
  };

  return {
    compare(options) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ensure().postMessage({ id, options });
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll('The comparison was stopped');
    },
  };
}

let shared: CompareClient | undefined;

/** One worker for the page, however often the widget remounts. */
export function sharedCompareClient(): CompareClient {
  shared ??= createCompareClient(
    () => new Worker(new URL('../../_workers/compare.worker.ts', import.meta.url), { type: 'module', name: 'batch-vs-realtime' }) as WorkerLike,
  );
  return shared;
}
