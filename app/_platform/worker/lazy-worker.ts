// One Web Worker, started on the first message posted to it, and started
// afresh after a crash. Both kinds of client sit on it: the request/response
// client (rpc.ts) and the lab's channel client, whose requests get several
// messages back.

/** The part of Worker a client uses (so tests can hand in a stand-in). */
export type WorkerLike<Message> = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<Message>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

export interface LazyWorkerOptions<Message> {
  createWorker: () => WorkerLike<Message>;
  onMessage: (message: Message) => void;
  /** The worker crashed; `reason` is the browser's message. The next post starts a new one. */
  onCrash: (reason: string) => void;
}

export interface LazyWorker {
  post(message: unknown): void;
  /** Stops the worker if it runs; the next post starts a new one. */
  terminate(): void;
}

export function lazyWorker<Message>(options: LazyWorkerOptions<Message>): LazyWorker {
  let worker: WorkerLike<Message> | undefined;
  const ensure = (): WorkerLike<Message> => {
    if (worker) return worker;
    const created = options.createWorker();
    created.onmessage = (event) => options.onMessage(event.data);
    created.onerror = (event) => {
      event.preventDefault();
      created.terminate();
      worker = undefined;
      // A crashed worker cannot say which request failed: the client tells every waiting one.
      options.onCrash(event.message || 'unknown error');
    };
    worker = created;
    return created;
  };
  return {
    post: (message) => ensure().postMessage(message),
    terminate() {
      worker?.terminate();
      worker = undefined;
    },
  };
}
