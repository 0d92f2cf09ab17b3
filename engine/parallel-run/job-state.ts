// The state of one ParallelRunStep job and its bookkeeping: the queues, the
// per-mini-batch arrays, and how a mini-batch is finally decided (counts,
// thresholds, progress lines, system errors). The job's life is built on it in
// two layers: job-lifecycle.ts (nodes, preemption, init()) and job.ts (the
// event loop and the run() attempts).
import type { Attempt, AttemptOutcome, EntryScriptFactory, MiniBatch, OutputPart } from '../types';
import type { Random } from '../random';
import type { AttemptEnvironment } from './attempt';
import { processMemoryBytes, type ResolvedCompute } from './compute';
import { EventQueue } from './event-queue';
import { InitFailureRules } from './init-rules';
import type { FaultInjector } from './faults';
import { JobLogWriter } from './logs';
import { miniBatchLength } from './partition';
import type { CoreRules } from './rules';
import type { FailureCause, ResolvedRunSettings, SystemFailureRule } from './sim-types';
import { exceededThresholds } from './thresholds';
import type { JobEvent, SimNode, SimProcess } from './workers';

/** Illustrative seconds to mount the datastores on a node (only simulated when mounting fails). */
export const MOUNT_SECONDS = 12;

/** What the process's stderr shows when user code raises: a short Python-style traceback. */
export function pythonTraceback(fn: 'init' | 'run', error: string): string[] {
  return ['Traceback (most recent call last):', `  File "score.py", in ${fn}`, error];
}

/** Mini-batch status codes kept in a Uint8Array; index into MINI_BATCH_STATUS for the name. */
export const SUCCEEDED = 1;
export const FAILED = 2;
export const MINI_BATCH_STATUS = ['not_run', 'succeeded', 'failed'] as const;

export interface JobInputs {
  batches: MiniBatch[];
  /** Bytes of each mini-batch, by id. */
  bytes: number[];
  settings: ResolvedRunSettings;
  compute: ResolvedCompute;
  entryScript: EntryScriptFactory;
  faults: FaultInjector;
  rng: Random;
  rules: CoreRules;
  /**
   * Input files in each mini-batch, when the item threshold counts files
   * (batch endpoints); null when it counts items.
   */
  filesPerBatch: Int32Array | null;
}

export abstract class JobState {
  readonly log = new JobLogWriter();
  readonly nodes: SimNode[] = [];
  /** Per mini-batch status code: 0 until finalised (so not_run at the end), then SUCCEEDED or FAILED. */
  readonly status: Uint8Array;
  readonly attempts: (Attempt[] | undefined)[];
  readonly itemsSucceeded: Int32Array;
  readonly itemsFailed: Int32Array;
  /**
   * run()'s results per mini-batch, as returned (a list, or scored columns);
   * kept only for append_row. Lines are formatted only when the file is read
   * (output.ts), so a columnar run never makes an object or a string per row.
   */
  readonly outputParts: (OutputPart | undefined)[];
  now = 0;
  done = false;
  failure: FailureCause | undefined;
  failureReason: string | undefined;
  preemptions = 0;
  /** The last init() error, named in the system error so each cause reads differently. */
  protected lastInitError = '';

  protected readonly events = new EventQueue<JobEvent>();
  protected readonly queue: number[] = [];
  protected queueHead = 0;
  protected readonly idle: SimProcess[] = [];
  protected idleHead = 0;
  protected readonly tries: Uint16Array;
  protected readonly picked: Uint16Array;
  protected readonly attemptEnv: AttemptEnvironment;
  protected readonly keepReturned: boolean;
  protected readonly initRules: InitFailureRules;
  protected scheduled = 0;
  protected finalized = 0;
  /** What the item threshold counts so far: failed items, or failed files (see JobInputs.filesPerBatch). */
  protected failedItems = 0;
  protected failedBatches = 0;
  protected nextProgress = 1;

  constructor(protected readonly inputs: JobInputs) {
    const count = inputs.batches.length;
    this.status = new Uint8Array(count);
    this.attempts = new Array<Attempt[] | undefined>(count);
    this.itemsSucceeded = new Int32Array(count);
    this.itemsFailed = new Int32Array(count);
    this.outputParts = new Array<OutputPart | undefined>(count);
    this.tries = new Uint16Array(count);
    this.picked = new Uint16Array(count);
    for (const batch of inputs.batches) this.queue.push(batch.id);
    const { settings, compute } = inputs;
    this.attemptEnv = {
      compute,
      faults: inputs.faults,
      memoryPerProcess: processMemoryBytes(compute.vm, settings.processCountPerNode),
      runInvocationTimeout: settings.runInvocationTimeout,
      timeoutName: inputs.rules.names.runInvocationTimeout,
    };
    this.keepReturned = settings.outputAction === 'append_row';
    this.initRules = new InitFailureRules(settings.nodeCount, settings.processCountPerNode, settings.runInvocationTimeout, inputs.rules.names);
  }

  // ---- bookkeeping -------------------------------------------------------

  protected finalize(id: number, status: number, succeeded: number, failed: number): void {
    this.status[id] = status;
    this.itemsSucceeded[id] = succeeded;
    this.itemsFailed[id] = failed;
    this.finalized++;
    const files = this.inputs.filesPerBatch;
    this.failedItems += files === null || failed === 0 ? failed : (files[id] as number);
    if (status === FAILED) this.failedBatches++;
    this.reportProgress();
    if (failed > 0) this.checkThresholds();
  }

  protected checkThresholds(): void {
    if (this.done) return;
    const { settings, batches } = this.inputs;
    const breaches = exceededThresholds(
      {
        errorThreshold: settings.errorThreshold,
        allowedFailedCount: settings.allowedFailedCount,
        allowedFailedPercent: settings.allowedFailedPercent,
      },
      {
        failedItems: this.failedItems,
        failedMiniBatches: this.failedBatches,
        totalMiniBatches: batches.length,
        allScheduled: this.scheduled === batches.length,
      },
      this.inputs.rules.names,
    );
    if (breaches.length === 0) return;
    this.done = true;
    this.failure = { kind: 'threshold', thresholds: breaches.map((b) => b.threshold) };
    this.failureReason = breaches.map((b) => b.message).join('; ');
    this.log.masterLine(this.now, `Aborting the job: ${this.failureReason}.`);
  }

  protected systemFailure(rule: SystemFailureRule, reason: string): void {
    this.done = true;
    this.failure = { kind: 'system', rule };
    this.failureReason = `System error: ${reason}`;
    this.log.masterLine(this.now, `Stopping the job. ${this.failureReason}.`);
  }

  protected reportProgress(): void {
    const total = this.inputs.batches.length;
    if (this.finalized * 10 < this.nextProgress * total) return;
    while (this.finalized * 10 >= this.nextProgress * total) this.nextProgress++;
    this.log.progressLine(this.now, `${this.finalized} of ${total} mini-batches processed (${Math.floor((this.finalized / total) * 100)} %).`);
  }

  protected compactQueues(): void {
    if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    if (this.idleHead > 4096 && this.idleHead * 2 > this.idle.length) {
      this.idle.splice(0, this.idleHead);
      this.idleHead = 0;
    }
  }

  protected stamp(): string {
    return `[${this.now.toFixed(3)}s]`;
  }

  protected recordAttempt(proc: SimProcess, id: number, start: number, outcome: AttemptOutcome, error: string): void {
    const attempt: Attempt = { node: proc.node.index, process: proc.index, start, end: this.now, outcome };
    if (error) attempt.error = error;
    const list = this.attempts[id];
    if (list) list.push(attempt);
    else this.attempts[id] = [attempt];
  }

  protected logAttempt(proc: SimProcess, id: number, start: number, succeeded: number, failed: number, outcome: AttemptOutcome, error: string): void {
    const total = miniBatchLength(this.inputs.batches[id] as MiniBatch);
    this.log.attempt(id, this.picked[id] as number, proc.label, start, total, succeeded, failed, this.now - start, outcome, error);
  }
}
