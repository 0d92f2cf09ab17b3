// Nodes and worker processes as the simulator tracks them, and the context
// object each process hands to its entry script.
import type { EntryScript } from '../types';
import type { VmSize } from './compute';
import type { ParallelInitContext, ParallelRunContext } from './sim-types';
import { stamp } from './logs';

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

/** The outcome of a run() attempt, decided when it starts and applied when it ends. */
export interface PendingAttempt {
  miniBatchId: number;
  start: number;
  outcome: 'succeeded' | 'exception' | 'timeout' | 'oom';
  error: string;
  returned: unknown[] | null;
}

export interface SimProcess {
  node: SimNode;
  index: number;
  state: ProcessState;
  /** Bumped when the process dies, so events scheduled for its old life are ignored. */
  generation: number;
  hasGpu: boolean;
  script: EntryScript | null;
  ctx: ParallelRunContext;
  /** Virtual seconds the current init()/run() call has spent through ctx.spend(). */
  spent: number;
  callStart: number;
  pending: PendingAttempt | null;
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
    script: null,
    spent: 0,
    callStart: 0,
    pending: null,
    pendingInitError: null,
    log,
  } as Omit<SimProcess, 'ctx'> as SimProcess;
  proc.ctx = createContext(proc, size);
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
    if (value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function') {
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
