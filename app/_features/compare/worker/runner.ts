// The compare worker's logic, apart from the worker file so Node tests can run
// it with the real engine. Only the newest request matters: between sweep
// points the runner yields to the message queue, and a sweep that a newer
// request has overtaken stops there instead of finishing for nothing.
import { compareBatchVsRealtime } from '@/engine/index';
import type { CompareRequest, CompareResponse } from './compare-protocol';

class Overtaken extends Error {}

export interface CompareRunner {
  handle(request: CompareRequest): Promise<void>;
}

/**
 * `post` sends a response to the page; `yieldToMessages` must let queued
 * messages be delivered (in a worker: a zero-delay timer).
 */
export function createCompareRunner(post: (response: CompareResponse) => void, yieldToMessages: () => Promise<void>): CompareRunner {
  let newest = 0;
  return {
    async handle({ id, options }) {
      newest = Math.max(newest, id);
      const pause = async () => {
        await yieldToMessages();
        if (id !== newest) throw new Overtaken();
      };
      try {
        const comparison = await compareBatchVsRealtime({ ...options, pause });
        post(id === newest ? { id, type: 'compared', comparison } : { id, type: 'superseded' });
      } catch (error) {
        if (error instanceof Overtaken) post({ id, type: 'superseded' });
        else post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
