// The pipeline widget's Web Worker: it owns one workspace and runs validate,
// run, publish and the datastore edits on request, so the engine never runs
// on the page's main thread. Requests are handled one at a time, in order,
// because every one of them may change the workspace.
/// <reference lib="webworker" />
import type { OrtModule } from '@/engine/index';
import { PipelineSession } from '@/app/_pipeline/pipeline-session';
import type { RequestEnvelope, ResponseEnvelope } from '@/app/_pipeline/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let ortReady: Promise<void> | undefined;

/**
 * The engine's scoring step imports onnxruntime-web/wasm itself; importing it
 * here first (the same module) lets us ask for one thread: threads need
 * cross-origin isolation, which the site does not have, and ORT would warn.
 */
function prepareOrt(): Promise<void> {
  ortReady ??= import('onnxruntime-web/wasm').then((module) => {
    (module as unknown as OrtModule).env.wasm.numThreads = 1;
  });
  return ortReady;
}

async function loadModel(): Promise<Uint8Array> {
  const response = await fetch('/models/credit-risk.onnx');
  if (!response.ok) throw new Error(`could not load /models/credit-risk.onnx (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

const session = new PipelineSession({ loadModel });
let queue: Promise<void> = Promise.resolve();

async function handle({ id, request }: RequestEnvelope): Promise<void> {
  // onnxruntime (and its wasm) is fetched only when something may score.
  if (request.type === 'run') await prepareOrt();
  const response = await session.handle(request);
  const envelope: ResponseEnvelope = { id, response };
  scope.postMessage(envelope);
}

scope.onmessage = (event: MessageEvent<RequestEnvelope>) => {
  const envelope = event.data;
  queue = queue.then(() =>
    handle(envelope).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({ id: envelope.id, response: { type: 'error', message } } satisfies ResponseEnvelope);
    }),
  );
};
