// The server's batch jobs, in memory on globalThis so every route bundle in
// the process shares them (as the pipeline workspace is shared). Bounded: the
// newest MAX_JOBS jobs and at most MAX_STORED_ROWS output rows are kept, and
// an evicted id is remembered so its 404 can say what happened. Jobs are
// simulated one at a time, which also makes the output-path check race-free.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatchJobRecord } from './job-record';

export const MAX_JOBS = 50;
/** About 100 bytes a row in memory: a few hundred MB at most, whatever the job sizes. */
export const MAX_STORED_ROWS = 2_000_000;
const MAX_REMEMBERED_EVICTIONS = 1000;
/** Output folders remembered; like a datastore they outlive the jobs that wrote them, within reason. */
const MAX_OUTPUT_PATHS = 5000;

export const TIME_SCALE_ENV = 'BATCH_ENDPOINT_TIME_SCALE';
export const DEFAULT_TIME_SCALE = 100;
const MODEL_PATH = join('public', 'models', 'credit-risk.onnx');

interface StoreState {
  jobs: Map<string, BatchJobRecord>;
  storedRows: number;
  evicted: Map<string, string>;
  /** Output folder → file names written there by completed jobs. */
  outputs: Map<string, Set<string>>;
  queue: Promise<unknown>;
  model?: Promise<Uint8Array> | undefined;
}

const KEY = Symbol.for('batch-inference-lab.batch-endpoints');
const holder = globalThis as typeof globalThis & { [KEY]?: StoreState };

function state(): StoreState {
  return (holder[KEY] ??= { jobs: new Map(), storedRows: 0, evicted: new Map(), outputs: new Map(), queue: Promise.resolve() });
}

/** Virtual seconds per real second: BATCH_ENDPOINT_TIME_SCALE if it is a positive number up to 1e6, else 100. */
export function timeScale(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env[TIME_SCALE_ENV]);
  return Number.isFinite(value) && value > 0 && value <= 1e6 ? value : DEFAULT_TIME_SCALE;
}

export const JOB_ID_PATTERN = /^batchjob-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newJobId(): string {
  return `batchjob-${randomUUID()}`;
}

/** Loads the model on first use; a failed load is retried by the next request. */
export function modelBytes(): Promise<Uint8Array> {
  const s = state();
  s.model ??= readFile(join(process.cwd(), MODEL_PATH)).then(
    (bytes) => new Uint8Array(bytes),
    (error: unknown) => {
      s.model = undefined;
      throw error;
    },
  );
  return s.model;
}

/** Runs `task` after every earlier task has settled, so jobs are simulated one at a time. */
export function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const s = state();
  const result = s.queue.then(task, task);
  s.queue = result.catch(() => undefined);
  return result;
}

export function existingOutputs(path: string): string[] {
  return [...(state().outputs.get(path) ?? [])];
}

function rowsOf(record: BatchJobRecord): number {
  return record.output?.length ?? 0;
}

/** Keeps the job, its output file in the output registry, and evicts the oldest jobs beyond the bounds. */
export function addJob(record: BatchJobRecord): void {
  const s = state();
  s.jobs.set(record.id, record);
  s.storedRows += rowsOf(record);
  if (record.output !== null) {
    const files = s.outputs.get(record.outputPath) ?? new Set<string>();
    files.add(record.outputFileName);
    s.outputs.delete(record.outputPath); // re-inserted as the newest
    s.outputs.set(record.outputPath, files);
    while (s.outputs.size > MAX_OUTPUT_PATHS) s.outputs.delete(s.outputs.keys().next().value!);
  }
  for (const [id, old] of s.jobs) {
    if (s.jobs.size <= MAX_JOBS && s.storedRows <= MAX_STORED_ROWS) break;
    if (id === record.id) break; // the newest job always stays
    const why = s.jobs.size > MAX_JOBS ? `only the newest ${MAX_JOBS} jobs are kept` : `the server keeps at most ${MAX_STORED_ROWS} output rows in memory`;
    s.jobs.delete(id);
    s.storedRows -= rowsOf(old);
    s.evicted.set(id, why);
    while (s.evicted.size > MAX_REMEMBERED_EVICTIONS) s.evicted.delete(s.evicted.keys().next().value!);
  }
}

export type Lookup = { found: true; record: BatchJobRecord } | { found: false; evicted?: string };

export function findJob(id: string): Lookup {
  const s = state();
  const record = s.jobs.get(id);
  if (record) return { found: true, record };
  const why = s.evicted.get(id);
  return why === undefined ? { found: false } : { found: false, evicted: why };
}

/** Newest first. */
export function listJobs(): BatchJobRecord[] {
  return [...state().jobs.values()].reverse();
}

/** Tests: start again with no jobs and no outputs. */
export function resetBatchEndpointStore(): void {
  delete holder[KEY];
}
