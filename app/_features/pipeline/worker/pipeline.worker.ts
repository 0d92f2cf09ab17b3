// The pipeline widget's Web Worker: it owns one workspace and runs validate,
// run, publish and the datastore edits on request, so the engine never runs
// on the page's main thread. Requests are handled one at a time, in order,
// because every one of them may change the workspace.
/// <reference lib="webworker" />
import { workerScope } from '@/app/_platform/worker/scope';
import { loadWasmOrt } from '@/app/_platform/worker/ort';
import { serialQueue } from '@/app/_platform/worker/newest';
import type { RequestEnvelope, ResponseEnvelope } from '../model/protocol';
import { PipelineSession } from './pipeline-session';

const scope = workerScope();

async function loadModel(): Promise<Uint8Array> {
  const response = await fetch('/models/credit-risk.onnx');
  if (!response.ok) throw new Error(`could not load /models/credit-risk.onnx (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

const session = new PipelineSession({ loadModel });
const enqueue = serialQueue();

async function handle({ id, request }: RequestEnvelope): Promise<void> {
  // onnxruntime (and its wasm) is fetched only when something may score. The
  // engine's scoring step imports the same module itself; loading it here
  // first sets it to one thread.
  if (request.type === 'run') await loadWasmOrt();
  const response = await session.handle(request);
  const envelope: ResponseEnvelope = { id, response };
  scope.postMessage(envelope);
}

scope.onmessage = (event: MessageEvent<RequestEnvelope>) => {
  const envelope = event.data;
  void enqueue(() =>
    handle(envelope).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({ id: envelope.id, response: { type: 'error', message } } satisfies ResponseEnvelope);
    }),
  );
};
