// The server's one in-memory workspace, with the chapter pipeline published
// under a stable id. Kept on globalThis so every route bundle in the process
// shares it; runs are serialised because they mutate the workspace.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chapterPipeline, createWorkspace, publishPipeline, type Workspace } from '@/engine/index';

export const CHAPTER_PIPELINE_ID = 'credit-risk-batch';
const MODEL_PATH = join('public', 'models', 'credit-risk.onnx');

interface ServerState {
  workspace?: Promise<Workspace> | undefined;
  queue: Promise<unknown>;
}

const KEY = Symbol.for('batch-inference-lab.pipelines');
const holder = globalThis as typeof globalThis & { [KEY]?: ServerState };

function state(): ServerState {
  return (holder[KEY] ??= { queue: Promise.resolve() });
}

async function loadWorkspace(): Promise<Workspace> {
  const bytes = await readFile(join(process.cwd(), MODEL_PATH));
  // The virtual clock starts at the real time the server loads, so the publish time it reports is true too.
  const ws = createWorkspace({ modelBytes: new Uint8Array(bytes), clock: new Date().toISOString() });
  publishPipeline(ws, chapterPipeline(), { id: CHAPTER_PIPELINE_ID, version: '1' });
  return ws;
}

/** Loads the model on first use; a failed load is retried by the next request. */
export function serverWorkspace(): Promise<Workspace> {
  const s = state();
  s.workspace ??= loadWorkspace().catch((error: unknown) => {
    s.workspace = undefined;
    throw error;
  });
  return s.workspace;
}

/** Runs `task` after every earlier task has settled, so runs never interleave. */
export function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const s = state();
  const result = s.queue.then(task, task);
  s.queue = result.catch(() => undefined);
  return result;
}

/** Tests: start again from a fresh workspace. */
export function resetServerWorkspace(): void {
  delete holder[KEY];
}
