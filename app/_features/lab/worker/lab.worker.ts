// The lab's Web Worker: every simulation, sweep and quality computation runs
// here, so the page stays responsive. Requests are handled one at a time; a
// newer request on the same channel makes older work stop at its next pause.
/// <reference lib="webworker" />
import { workerScope } from '@/app/_platform/worker/scope';
import { Newest, serialQueue, StaleRequest } from '@/app/_platform/worker/newest';
import { loadWasmOrt } from '@/app/_platform/worker/ort';
import { yieldToMessages } from '@/app/_platform/worker/yield';
import { outputFileChunks } from '@/app/_features/lab/model/lab-output';
import type { OutputFile } from '@/engine/types';
import type { OutputRequest, ProgressPhase, RunRequest, WorkerMessage, WorkerRequest } from '@/app/_features/lab/model/protocol';
import { sharedSessionOrt } from './entry-scripts';
import { LabRunner, type RunHooks } from './lab-runner';

const scope = workerScope();

const ort = sharedSessionOrt(loadWasmOrt);

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`could not load ${path} (HTTP ${response.status})`);
  return response;
}

const runner = new LabRunner({
  loadModel: async () => new Uint8Array(await (await fetchOk('/models/credit-risk.onnx')).arrayBuffer()),
  loadSensorBundle: async () => (await fetchOk('/data/sensor-files.json')).json(),
  ort,
  now: () => performance.now(),
});

const newest = new Newest();
/** The last result's append_row file per channel (as the engine keeps it), until a newer result replaces it. */
const outputs = new Map<string, { id: number; file: OutputFile | null }>();
const enqueue = serialQueue();

const post = (message: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const pause = yieldToMessages;

/**
 * After a change, the what-if sweeps start only once the settings have been
 * still this long: while a learner drags a slider each sweep would be thrown
 * away half done, and it would hold the worker (and a core) when the next
 * change arrives. A widget's first sweeps run at once (nothing to wait for).
 * They join the queue behind any request that came in meanwhile.
 */
const SWEEP_QUIET_MS = 600;
const swept = new Set<string>();

function queueSweeps(request: RunRequest, hooks: RunHooks): void {
  const { channel, id } = request;
  const isStale = () => newest.isStale(id, channel);
  const wait = swept.has(channel) ? SWEEP_QUIET_MS : 0;
  swept.add(channel);
  setTimeout(() => {
    if (isStale()) return;
    void enqueue(async () => {
      try {
        for (const [k, kind] of request.sweeps.entries()) {
          if (isStale()) return;
          // One bar for all the sweeps of the request.
          const overall: RunHooks = { ...hooks, progress: (phase, f) => hooks.progress(phase, f === null ? null : (k + f) / request.sweeps.length) };
          const points = await runner.sweep(kind, request.settings, request.scenario, overall);
          if (isStale()) return;
          post({ type: 'sweep', channel, id, kind, points });
        }
      } catch (error) {
        if (error instanceof StaleRequest) return;
        post({ type: 'error', channel, id, message: error instanceof Error ? error.message : String(error) });
      }
    });
  }, wait);
}

async function handle(request: RunRequest): Promise<void> {
  const { channel, id } = request;
  const isStale = () => newest.isStale(id, channel);
  if (isStale()) return;
  const hooks: RunHooks = {
    progress: (phase: ProgressPhase, fraction: number | null) => post({ type: 'progress', channel, id, phase, fraction }),
    isStale,
    yieldNow: pause,
  };
  try {
    const outcome = await runner.run(request.settings, request.scenario, hooks);
    if (isStale()) return;
    outputs.set(channel, { id, file: outcome.output });
    post({ type: 'result', channel, id, view: outcome.view, timings: outcome.timings });
    await pause();
    if (isStale()) return;
    const quality = await outcome.quality();
    post({ type: 'quality', channel, id, quality }, quality ? [quality.scores.buffer, quality.labels.buffer] : []);
    if (request.sweeps.length > 0) queueSweeps(request, hooks);
  } catch (error) {
    if (error instanceof StaleRequest) return;
    post({ type: 'error', channel, id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Answered at once, outside the queue: a download must not wait for (or
 * cancel) a sweep. The file goes as UTF-8 chunks, transferred, never as one
 * string: the page joins them into a Blob.
 */
function sendOutput({ channel, id }: OutputRequest): void {
  const kept = outputs.get(channel);
  const chunks = kept?.id === id && kept.file ? outputFileChunks(kept.file) : null;
  const file = chunks && kept?.file ? { fileName: kept.file.fileName, chunks } : null;
  post({ type: 'output', channel, id, file }, chunks ?? []);
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'output') return sendOutput(request);
  newest.arrived(request.id, request.channel);
  void enqueue(() => handle(request));
};
