// Nodes and worker processes as the simulator tracks them, and the context
// object each process hands to its entry script.
import type { EntryScript, OutputPart } from '../types';
import type { VmSize } from './compute';
import type { ParallelInitContext, ParallelRunContext } from './sim-types';
import { nodeName, processName, stamp } from './logs';

export type ProcessState = 'waiting' | 'init' | 'restarting' | 'idle' | 'busy' | 'dead';

export interface SimNode {
  index: number;
  requestedAt: number;
  readyAt: number | null;
  endedAt: number | null;
  preempted: boolean;
  replacedBy?: number;
  initFailures: number;
  /** Set once the node hit its init-failure limit: its processes stop retrying. */
  retriesStopped: boolean;
  processes: SimProcess[];
}

/**
 * The outcome of a run() attempt, decided when it starts and applied when it
 * ends. One per process, reused for every attempt to keep the hot loop light.
 */
export interface PendingAttempt {
  active: boolean;
  miniBatchId: number;
  start: number;
  outcome: 'succeeded' | 'exception' | 'timeout' | 'oom';
  error: string;
  returned: OutputPart | null;
}

export type JobEvent =
  | { kind: 'node_ready'; node: SimNode }
  | { kind: 'mount_failed'; node: SimNode }
  | { kind: 'init_done'; proc: SimProcess; generation: number }
  | { kind: 'attempt_done'; proc: SimProcess; generation: number }
  | { kind: 'restart'; proc: SimProcess; generation: number }
  | { kind: 'preempt'; node: number }
  | { kind: 'no_progress_check'; epoch: number }
  | { kind: 'job_wide_init_check' };

export interface SimProcess {
  node: SimNode;
  index: number;
  state: ProcessState;
  /** Bumped when the process dies, so events scheduled for its old life are ignored. */
  generation: number;
  hasGpu: boolean;
  /** "node-0/process001": the Process column of processed_mini-batches.csv. */
  label: string;
  script: EntryScript | null;
  ctx: ParallelRunContext;
  /** Virtual seconds the current init()/run() call has spent through ctx.spend(). */
  spent: number;
  callStart: number;
  pending: PendingAttempt;
  /** The process's attempt_done event, reused: a process has at most one attempt in flight. */
  attemptDone: { kind: 'attempt_done'; proc: SimProcess; generation: number };
  pendingInitError: string | null;
  log: string[];
}

export function createProcess(node: SimNode, index: number, size: VmSize, log: string[]): SimProcess {
  const proc = {
    node,
    index,
    state: 'waiting',
    generation: 0,
    hasGpu: size.gpu && index < size.gpus,
    label: `${nodeName(node.index)}/${processName(index)}`,
    script: null,
    spent: 0,
    callStart: 0,
    pending: { active: false, miniBatchId: -1, start: 0, outcome: 'succeeded', error: '', returned: null },
    pendingInitError: null,
    log,
  } as Omit<SimProcess, 'ctx' | 'attemptDone'> as SimProcess;
  proc.ctx = createContext(proc, size);
  proc.attemptDone = { kind: 'attempt_done', proc, generation: 0 };
  return proc;
}

// One context per process, reused across calls: its functions are closures
// (safe to destructure) and only attempt/miniBatchId change between calls.
function createContext(proc: SimProcess, size: VmSize): ParallelRunContext & ParallelInitContext {
  return {
    node: proc.node.index,
    process: proc.index,
    attempt: 0,
    miniBatchId: -1,
    vmSize: size.name,
    gpu: proc.hasGpu,
    cores: size.cores,
    memoryGiB: size.memoryGiB,
    spend(seconds: number) {
      if (!(typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)) {
        throw new RangeError(`ctx.spend() needs a finite number of seconds >= 0, got ${String(seconds)}`);
      }
      proc.spent += seconds;
    },
    log(message: string) {
      proc.log.push(`${stamp(proc.callStart + proc.spent)} ${message}`);
    },
  };
}

export const isAlive = (proc: SimProcess): boolean => proc.state !== 'dead';

/** Ready processes are those past init(): idle or working. */
export const isReady = (proc: SimProcess): boolean => proc.state === 'idle' || proc.state === 'busy';

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Calls user code and captures a throw or a rejection. Returns a promise only
 * when the code itself returned one, so synchronous scripts cost no microtask.
 */
export function invoke(call: () => unknown): CallOutcome | Promise<CallOutcome> {
  try {
    const value = call();
    if (isThenable(value)) {
      return Promise.resolve(value).then(
        (resolved): CallOutcome => ({ ok: true, value: resolved }),
        (error: unknown): CallOutcome => ({ ok: false, error }),
      );
    }
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}
