// Request/response over one lazily started Web Worker: each request gets an
// id, each answer resolves the request with that id. The Worker is created on
// the first request, so nothing it imports loads before a widget asks.
//
// A streamed request may also receive progress messages (any number, in
// order) before its final answer; `open` tells the two apart.

import { lazyWorker, type WorkerLike } from './lazy-worker';

export type { WorkerLike } from './lazy-worker';

/** What a message from the worker is: the final answer to request `id`, or progress on it. */
export type Opened<Response, Progress> = { id: number; response: Response } | { id: number; progress: Progress };

export interface WorkerRpcOptions<Request, Response, Message, Progress = never> {
  createWorker: () => WorkerLike<Message>;
  /** What is posted for a request. */
  envelope: (id: number, request: Request) => unknown;
  /** The id and the answer (or, for a streamed request, the progress) in a message from the worker. */
  open: (message: Message) => Opened<Response, Progress>;
  /** The answer every waiting request gets when the worker crashes or is stopped. */
  failure: (message: string) => Response;
  /** Names the simulator in those messages, e.g. "The comparison". */
  what: string;
}

export interface WorkerRpc<Request, Response, Progress = never> {
  request(request: Request): Promise<Response>;
  /**
   * A request whose worker reports progress before it answers: every progress
   * message for it goes to `onProgress`, in order, until the final answer
   * resolves the promise. Progress that arrives after the answer is dropped.
   */
  stream(request: Request, onProgress: (progress: Progress) => void): Promise<Response>;
  /** Stops the worker; the next request starts a new one. */
  dispose(): void;
}

interface Pending<Response, Progress> {
  resolve: (response: Response) => void;
  onProgress?: (progress: Progress) => void;
}

export function createWorkerRpc<Request, Response, Message, Progress = never>(
  options: WorkerRpcOptions<Request, Response, Message, Progress>,
): WorkerRpc<Request, Response, Progress> {
  let nextId = 1;
  const pending = new Map<number, Pending<Response, Progress>>();

  const failAll = (message: string) => {
    for (const { resolve } of pending.values()) resolve(options.failure(message));
    pending.clear();
  };

  const worker = lazyWorker<Message>({
    createWorker: options.createWorker,
    onMessage(message) {
      const opened = options.open(message);
      const waiting = pending.get(opened.id);
      if ('progress' in opened) {
        waiting?.onProgress?.(opened.progress);
        return;
      }
      pending.delete(opened.id);
      waiting?.resolve(opened.response);
    },
    onCrash: (reason) => failAll(`${options.what} stopped unexpectedly: ${reason}`),
  });

  const send = (request: Request, onProgress?: (progress: Progress) => void): Promise<Response> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve, ...(onProgress && { onProgress }) });
      worker.post(options.envelope(id, request));
    });
  };

  return {
    request: (request) => send(request),
    stream: (request, onProgress) => send(request, onProgress),
    dispose() {
      worker.terminate();
      failAll(`${options.what} was stopped`);
    },
  };
}
