// The lab's channel client on the platform's lazy worker: nothing starts
// before the first request, answers reach only their channel, and a crash
// tells every channel and starts a new worker next time.
import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '@/app/_features/lab/model/protocol';
import { createWorkerClient } from '@/app/_features/lab/worker/client';
import type { WorkerLike } from '@/app/_platform/worker/lazy-worker';

class StandIn implements WorkerLike<WorkerMessage> {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: WorkerMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

describe('the lab worker client', () => {
  it('starts lazily, routes by channel, and reports a crash to every channel', () => {
    const workers: StandIn[] = [];
    const client = createWorkerClient(() => {
      const w = new StandIn();
      workers.push(w);
      return w;
    });
    const a: WorkerMessage[] = [];
    const b: WorkerMessage[] = [];
    client.subscribe('a', (m) => a.push(m));
    client.subscribe('b', (m) => b.push(m));
    expect(workers).toHaveLength(0);
    client.send({ type: 'output', channel: 'a', id: 1 });
    expect(workers).toHaveLength(1);
    workers[0]!.answer({ type: 'output', channel: 'a', id: 1, file: null });
    expect([a.length, b.length]).toEqual([1, 0]);
    workers[0]!.crash('boom');
    expect(workers[0]!.terminated).toBe(true);
    expect(a.at(-1)).toEqual({ type: 'error', channel: 'a', id: -1, message: 'The simulator stopped unexpectedly: boom' });
    expect(b.at(-1)).toMatchObject({ type: 'error', channel: 'b', id: -1 });
    client.send({ type: 'output', channel: 'b', id: 2 });
    expect(workers).toHaveLength(2);
  });
});
