// Request/response over one lazily started Web Worker: each request gets an
// id, each answer resolves the request with that id. The Worker is created on
// the first request, so nothing it imports loads before a widget asks.

/** The part of Worker a client uses (so tests can hand in a stand-in). */
export type WorkerLike<Message> = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<Message>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

export interface WorkerRpcOptions<Request, Response, Message> {
  createWorker: () => WorkerLike<Message>;
  /** What is posted for a request. */
  envelope: (id: number, request: Request) => unknown;
  /** The id and the answer in a message from the worker. */
  open: (message: Message) => { id: number; response: Response };
  /** The answer every waiting request gets when the worker crashes or is stopped. */
  failure: (message: string) => Response;
  /** Names the simulator in those messages, e.g. "The comparison". */
  what: string;
}

export interface WorkerRpc<Request, Response> {
  request(request: Request): Promise<Response>;
  /** Stops the worker; the next request starts a new one. */
  dispose(): void;
}

export function createWorkerRpc<Request, Response, Message>(options: WorkerRpcOptions<Request, Response, Message>): WorkerRpc<Request, Response> {
  let worker: WorkerLike<Message> | undefined;
  let nextId = 1;
  const pending = new Map<number, (response: Response) => void>();

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve(options.failure(message));
    pending.clear();
  };

  const ensure = (): WorkerLike<Message> => {
    if (worker) return worker;
    const created = options.createWorker();
    created.onmessage = (event) => {
      const { id, response } = options.open(event.data);
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.(response);
    };
    created.onerror = (event) => {
      event.preventDefault();
      // A crashed worker cannot say which request failed: answer them all, and start afresh next time.
      failAll(`${options.what} stopped unexpectedly: ${event.message || 'unknown error'}`);
      created.terminate();
      worker = undefined;
    };
    worker = created;
    return created;
  };

  return {
    request(request) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ensure().postMessage(options.envelope(id, request));
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll(`${options.what} was stopped`);
    },
  };
}
