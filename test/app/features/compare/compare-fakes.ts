// A stand-in for the compare Web Worker: the real runner and engine, on this
// thread, with messages structured-cloned and delivered on later tasks as a
// worker's would be.
import { createCompareRunner } from '@/app/_features/compare/worker/runner';
import type { WorkerLike } from '@/app/_features/compare/worker/client';
import type { CompareRequest, CompareResponse } from '@/app/_features/compare/model/protocol';

export interface FakeWorker extends WorkerLike {
  posted: CompareRequest[];
  terminated: boolean;
  /** Makes the worker fail as a crashed one does (an error event, no answers). */
  crash(message: string): void;
}

const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function inProcessWorker(): FakeWorker {
  const worker: FakeWorker = {
    onmessage: null,
    onerror: null,
    posted: [],
    terminated: false,
    postMessage(data: CompareRequest) {
      const copy = structuredClone(data);
      worker.posted.push(copy);
      void later().then(() => runner.handle(copy));
    },
    terminate() {
      worker.terminated = true;
    },
    crash(message) {
      worker.onerror?.({ message, preventDefault() {} } as ErrorEvent);
    },
  };
  const runner = createCompareRunner((response: CompareResponse) => {
    void later().then(() => {
      if (!worker.terminated) worker.onmessage?.({ data: structuredClone(response) } as MessageEvent<CompareResponse>);
    });
  }, later);
  return worker;
}
