// The batch-vs-real-time widget's Web Worker: every sweep (a ParallelRunStep
// simulation per volume plus the endpoint model) runs here, so the page's main
// thread only sends options and draws the result.
/// <reference lib="webworker" />
import { createCompareRunner } from '@/app/_components/compare/compare-runner';
import type { CompareRequest } from '@/app/_components/compare/compare-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A zero-delay timer lets a newer request's message in between sweep points.
const runner = createCompareRunner(
  (response) => scope.postMessage(response),
  () => new Promise((resolve) => setTimeout(resolve, 0)),
);

scope.onmessage = (event: MessageEvent<CompareRequest>) => {
  void runner.handle(event.data);
};
