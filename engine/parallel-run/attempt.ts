// One run() attempt: decide, at the moment a process picks a mini-batch up,
// how the attempt ends and how long it takes in virtual time. The outcome is
// written into the process's reusable PendingAttempt and applied by the job
// loop when the attempt's end time comes round.
import type { EntryScript, MiniBatch, OutputPart } from '../types';
import { baseRunSeconds, type ResolvedCompute } from './compute';
import type { FaultInjector } from './faults';
import { isScoredColumns } from './output';
import { miniBatchLength } from './partition';
import { formatBytes } from './size';
import { errorMessage, isThenable, type PendingAttempt, type SimProcess } from './workers';

export interface AttemptEnvironment {
  compute: ResolvedCompute;
  faults: FaultInjector;
  memoryPerProcess: number;
  runInvocationTimeout: number;
  /** The timeout setting's name in the caller's dialect, for the timeout message. */
  timeoutName: string;
}

/**
 * Starts an attempt of `batch` on `proc` at virtual time `now`. Returns the
 * attempt's duration in seconds, or a promise of it when the entry script
 * answered asynchronously. Order of checks: the data must fit in memory
 * (loading comes first), then injected faults, then the script itself.
 */
export function startAttempt(
  proc: SimProcess,
  batch: MiniBatch,
  bytes: number,
  attempt: number,
  now: number,
  env: AttemptEnvironment,
): number | Promise<number> {
  const { compute, faults } = env;
  const pending = proc.pending;
  pending.miniBatchId = batch.id;
  pending.start = now;
  proc.state = 'busy';
  proc.spent = faults.slowSeconds ? (faults.slowSeconds[batch.id] as number) : 0;
  proc.callStart = now;
  proc.ctx.attempt = attempt;
  proc.ctx.miniBatchId = batch.id;
  const base = baseRunSeconds(compute, miniBatchLength(batch), bytes, proc.hasGpu);
  const expanded = bytes * compute.model.memoryExpansionFactor;
  if (expanded > env.memoryPerProcess) {
    const load = compute.model.runCallSeconds + ((bytes / 1048576) * compute.model.megabyteSeconds) / compute.vm.speed;
    const error = `out of memory: the mini-batch (${formatBytes(bytes)}) needs about ${formatBytes(expanded)} in memory, more than this process's ${formatBytes(env.memoryPerProcess)} share of the node`;
    return settle(pending, env, load, 'oom', error, null);
  }
  if (faults.attemptThrows(batch.id, attempt)) {
    return settle(pending, env, base, 'exception', 'Error: injected fault: run() raised an exception', null);
  }
  // Called inline rather than through invoke(): this is the per-mini-batch hot path.
  let value: unknown;
  try {
    value = callScript(proc.script as EntryScript, batch, proc);
  } catch (error) {
    return settle(pending, env, base + proc.spent, 'exception', errorMessage(error), null);
  }
  if (isThenable(value)) {
    return Promise.resolve(value).then(
      (resolved) => settleReturn(pending, env, base + proc.spent, resolved),
      (error: unknown) => settle(pending, env, base + proc.spent, 'exception', errorMessage(error), null),
    );
  }
  return settleReturn(pending, env, base + proc.spent, value);
}

/** A columnar mini-batch goes to runRows when the script has it; everything else to run(). */
function callScript(script: EntryScript, batch: MiniBatch, proc: SimProcess): unknown {
  if (batch.rows && script.runRows) return script.runRows(batch.rows, proc.ctx);
  return script.run(batch.items, proc.ctx);
}

function settleReturn(pending: PendingAttempt, env: AttemptEnvironment, duration: number, value: unknown): number {
  if (Array.isArray(value) || isScoredColumns(value)) return settle(pending, env, duration, 'succeeded', '', value);
  const kind = value === null ? 'null' : typeof value;
  const error = `TypeError: run() returned ${kind}; it must return a list with one element per processed input`;
  return settle(pending, env, duration, 'exception', error, null);
}

// Whatever happened inside the call, a call that ran longer than
// run_invocation_timeout was killed at the timeout and counts as a timeout.
function settle(
  pending: PendingAttempt,
  env: AttemptEnvironment,
  duration: number,
  outcome: PendingAttempt['outcome'],
  error: string,
  returned: OutputPart | null,
): number {
  const timeout = env.runInvocationTimeout;
  if (duration > timeout && outcome !== 'oom') {
    pending.outcome = 'timeout';
    pending.error = `run() needed ${Math.round(duration * 1000) / 1000} s, more than ${env.timeoutName} = ${timeout} s`;
    pending.returned = null;
    return timeout;
  }
  pending.outcome = outcome;
  pending.error = error;
  pending.returned = returned;
  return duration;
}
