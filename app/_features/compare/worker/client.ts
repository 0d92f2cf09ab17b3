// Request/response over the compare worker. The Worker is created on the
// first sweep, which the widget asks for only once it is on screen, so the
// engine never loads for a reader who does not scroll there.
import { createWorkerRpc, type WorkerLike as BaseWorkerLike } from '@/app/_platform/worker/rpc';
import type { CompareOutcome, CompareResponse, SweepOptions } from '../model/protocol';

export interface CompareClient {
  compare(options: SweepOptions): Promise<CompareOutcome>;
  dispose(): void;
}

export type WorkerLike = BaseWorkerLike<CompareResponse>;

export function createCompareClient(createWorker: () => WorkerLike): CompareClient {
  const rpc = createWorkerRpc<SweepOptions, CompareOutcome, CompareResponse>({
    createWorker,
    envelope: (id, options) => ({ id, options }),
    open: ({ id, ...outcome }) => ({ id, response: outcome as CompareOutcome }),
    failure: (message) => ({ type: 'error', message }),
    what: 'The comparison',
  });
  return { compare: (options) => rpc.request(options), dispose: () => rpc.dispose() };
}

let shared: CompareClient | undefined;

/** One worker for the page, however often the widget remounts. */
export function sharedCompareClient(): CompareClient {
  shared ??= createCompareClient(
    () => new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'batch-vs-realtime' }) as WorkerLike,
  );
  return shared;
}
