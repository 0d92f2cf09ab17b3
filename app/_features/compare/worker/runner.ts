// The compare worker's logic, apart from the worker file so Node tests can run
// it with the real engine. Only the newest request matters: between sweep
// points the runner yields to the message queue, and a sweep that a newer
// request has overtaken stops there instead of finishing for nothing.
import { compareBatchVsRealtime } from '@/engine/index';
import { Newest, StaleRequest } from '@/app/_platform/worker/newest';
import type { CompareRequest, CompareResponse } from '../model/protocol';

export interface CompareRunner {
  handle(request: CompareRequest): Promise<void>;
}

/**
 * `post` sends a response to the page; `yieldToMessages` must let queued
 * messages be delivered (in a worker: the platform's yieldToMessages).
 */
export function createCompareRunner(post: (response: CompareResponse) => void, yieldToMessages: () => Promise<void>): CompareRunner {
  const newest = new Newest();
  return {
    async handle({ id, options }) {
      newest.arrived(id);
      const pause = async () => {
        await yieldToMessages();
        newest.check(id);
      };
      try {
        const comparison = await compareBatchVsRealtime({ ...options, pause });
        post(newest.isStale(id) ? { id, type: 'superseded' } : { id, type: 'compared', comparison });
      } catch (error) {
        if (error instanceof StaleRequest) post({ id, type: 'superseded' });
        else post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
