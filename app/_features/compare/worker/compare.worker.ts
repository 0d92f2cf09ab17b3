// The batch-vs-real-time widget's Web Worker: every sweep (a ParallelRunStep
// simulation per volume plus the endpoint model) runs here, so the page's main
// thread only sends options and draws the result.
/// <reference lib="webworker" />
import { workerScope } from '@/app/_platform/worker/scope';
import { yieldToMessages } from '@/app/_platform/worker/yield';
import type { CompareRequest } from '../model/protocol';
import { createCompareRunner } from './runner';

const scope = workerScope();

// Between sweep points the runner lets a newer request's message in.
const runner = createCompareRunner((response) => scope.postMessage(response), yieldToMessages);

scope.onmessage = (event: MessageEvent<CompareRequest>) => {
  void runner.handle(event.data);
};
