// The platform's worker client: plain requests, streamed requests with their
// progress messages, and what every waiting request gets on a crash.
import { describe, expect, it } from 'vitest';
import { createWorkerRpc, type WorkerLike } from '@/app/_platform/worker/rpc';

type Message = { id: number; answer?: string; progress?: number };

/** A worker the test answers by hand: `reply` delivers a message as the worker would. */
function manualWorker() {
  const posted: { id: number; request: string }[] = [];
  const worker: WorkerLike<Message> & { posted: typeof posted; reply(message: Message): void; terminated: boolean } = {
    onmessage: null,
    onerror: null,
    posted,
    terminated: false,
    postMessage(data: { id: number; request: string }) {
      posted.push(data);
    },
    terminate() {
      worker.terminated = true;
    },
    reply(message) {
      worker.onmessage?.({ data: message } as MessageEvent<Message>);
    },
  };
  return worker;
}

function client(workers: ReturnType<typeof manualWorker>[]) {
  return createWorkerRpc<string, string, Message, number>({
    createWorker: () => {
      workers.push(manualWorker());
      return workers.at(-1)!;
    },
    envelope: (id, request) => ({ id, request }),
    open: ({ id, answer, progress }) => (progress === undefined ? { id, response: answer ?? '' } : { id, progress }),
    failure: (message) => `failed: ${message}`,
    what: 'The test worker',
  });
}

describe('worker rpc', () => {
  it('starts the worker on the first request and pairs answers with requests by id', async () => {
    const workers: ReturnType<typeof manualWorker>[] = [];
    const rpc = client(workers);
    expect(workers).toHaveLength(0);
    const a = rpc.request('a');
    const b = rpc.request('b');
    expect(workers[0]!.posted).toEqual([
      { id: 1, request: 'a' },
      { id: 2, request: 'b' },
    ]);
    workers[0]!.reply({ id: 2, answer: 'B' });
    workers[0]!.reply({ id: 1, answer: 'A' });
    expect(await Promise.all([a, b])).toEqual(['A', 'B']);
    expect(workers).toHaveLength(1);
  });

  it('streams every progress message of a request, in order, before its answer', async () => {
    const workers: ReturnType<typeof manualWorker>[] = [];
    const rpc = client(workers);
    const seen: number[] = [];
    const other: number[] = [];
    const streamed = rpc.stream('long', (p) => seen.push(p));
    const second = rpc.stream('other', (p) => other.push(p));
    const worker = workers[0]!;
    worker.reply({ id: 1, progress: 0.25 });
    worker.reply({ id: 2, progress: 0.9 });
    worker.reply({ id: 1, progress: 0.5 });
    worker.reply({ id: 1, answer: 'done' });
    // Progress after the answer (or for a request nobody waits for) is dropped.
    worker.reply({ id: 1, progress: 1 });
    worker.reply({ id: 99, progress: 1 });
    expect(await streamed).toBe('done');
    expect(seen).toEqual([0.25, 0.5]);
    worker.reply({ id: 2, answer: 'other done' });
    expect(await second).toBe('other done');
    expect(other).toEqual([0.9]);
  });

  it('ignores progress for a plain request and resolves it with its answer', async () => {
    const workers: ReturnType<typeof manualWorker>[] = [];
    const rpc = client(workers);
    const plain = rpc.request('a');
    workers[0]!.reply({ id: 1, progress: 0.5 });
    workers[0]!.reply({ id: 1, answer: 'A' });
    expect(await plain).toBe('A');
  });

  it('answers every waiting request (streamed or not) when the worker crashes, then starts a new one', async () => {
    const workers: ReturnType<typeof manualWorker>[] = [];
    const rpc = client(workers);
    const streamed = rpc.stream('long', () => {});
    const plain = rpc.request('a');
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(await streamed).toBe('failed: The test worker stopped unexpectedly: out of memory');
    expect(await plain).toBe('failed: The test worker stopped unexpectedly: out of memory');
    expect(workers[0]!.terminated).toBe(true);
    const again = rpc.request('b');
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: 3, answer: 'B' });
    expect(await again).toBe('B');
  });

  it('dispose stops the worker and answers what was waiting', async () => {
    const workers: ReturnType<typeof manualWorker>[] = [];
    const rpc = client(workers);
    const pending = rpc.stream('long', () => {});
    rpc.dispose();
    expect(await pending).toBe('failed: The test worker was stopped');
    expect(workers[0]!.terminated).toBe(true);
  });
});
