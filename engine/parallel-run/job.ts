// The virtual-time event loop of one ParallelRunStep job.
//
// node_count × process_count_per_node processes pull mini-batches from one
// shared FIFO queue. A run() call is made when a process picks a mini-batch
// up; its virtual duration (base cost + ctx.spend) decides when it ends and
// whether it timed out. User code is awaited one call at a time, so results
// never depend on promise timing.
//
// Choices where Microsoft documents nothing (fact sheet §9):
//  - A preempted attempt goes back to the queue WITHOUT using up one of the
//    run_max_try tries; ctx.attempt only counts tries that can fail the batch.
//  - A short return (fewer results than inputs) fails the mini-batch at once,
//    without a retry (v2's documented rule).
//  - The init() rules live in init-rules.ts.
//  - When a threshold aborts the job, mini-batches still in flight are
//    cancelled and reported as not_run, like those never started; their
//    earlier failed tries stay in the attempts list.
//  - With append_row the output still holds what finished before an abort.
import type { Attempt, AttemptOutcome, EntryScriptFactory, MiniBatch } from '../types';
import type { Random } from '../random';
import { startAttempt, type AttemptEnvironment } from './attempt';
import { processMemoryBytes, type ResolvedCompute } from './compute';
import { EventQueue } from './event-queue';
import { InitFailureRules } from './init-rules';
import type { FaultInjector } from './faults';
import { JobLogWriter, nodeName, processName } from './logs';
import type { FailureCause, ResolvedRunSettings, SystemFailureRule } from './sim-types';
import { formatOutputLine } from './output';
import { exceededThresholds } from './thresholds';
import { plural } from './outcome';
import {
  createProcess,
  errorMessage,
  invoke,
  isAlive,
  isReady,
  type CallOutcome,
  type JobEvent,
  type SimNode,
  type SimProcess,
} from './workers';

/** Illustrative seconds to mount the datastores on a node (only simulated when mounting fails). */
const MOUNT_SECONDS = 12;

/** What the process's stderr shows when user code raises: a short Python-style traceback. */
function pythonTraceback(fn: 'init' | 'run', error: string): string[] {
  return ['Traceback (most recent call last):', `  File "score.py", in ${fn}`, error];
}

/** Mini-batch status codes kept in a Uint8Array; index into MINI_BATCH_STATUS for the name. */
const SUCCEEDED = 1;
const FAILED = 2;
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
}

export class ParallelRunJob {
  readonly log = new JobLogWriter();
  readonly nodes: SimNode[] = [];
  /** Per mini-batch status code: 0 until finalised (so not_run at the end), then SUCCEEDED or FAILED. */
  readonly status: Uint8Array;
  readonly attempts: (Attempt[] | undefined)[];
  readonly itemsSucceeded: Int32Array;
  readonly itemsFailed: Int32Array;
  /**
   * run()'s results as append_row lines, formatted when the mini-batch
   * completes (as Azure appends them then); kept only for append_row. Not
   * keeping the returned objects until the end also spares the GC from
   * promoting a million short-lived results.
   */
  readonly outputLines: (string[] | undefined)[];
  now = 0;
  done = false;
  failure: FailureCause | undefined;
  failureReason: string | undefined;
  preemptions = 0;
  /** The last init() error, named in the system error so each cause reads differently. */
  private lastInitError = '';

  private readonly events = new EventQueue<JobEvent>();
  private readonly queue: number[] = [];
  private queueHead = 0;
  private readonly idle: SimProcess[] = [];
  private idleHead = 0;
  private readonly tries: Uint16Array;
  private readonly picked: Uint16Array;
  private readonly attemptEnv: AttemptEnvironment;
  private readonly keepReturned: boolean;
  private readonly initRules: InitFailureRules;
  private scheduled = 0;
  private finalized = 0;
  private failedItems = 0;
  private failedBatches = 0;
  private nextProgress = 1;

  constructor(private readonly inputs: JobInputs) {
    const count = inputs.batches.length;
    this.status = new Uint8Array(count);
    this.attempts = new Array<Attempt[] | undefined>(count);
    this.itemsSucceeded = new Int32Array(count);
    this.itemsFailed = new Int32Array(count);
    this.outputLines = new Array<string[] | undefined>(count);
    this.tries = new Uint16Array(count);
    this.picked = new Uint16Array(count);
    for (const batch of inputs.batches) this.queue.push(batch.id);
    const { settings, compute } = inputs;
    this.attemptEnv = {
      compute,
      faults: inputs.faults,
      memoryPerProcess: processMemoryBytes(compute.vm, settings.processCountPerNode),
      runInvocationTimeout: settings.runInvocationTimeout,
    };
    this.keepReturned = settings.outputAction === 'append_row';
    this.initRules = new InitFailureRules(settings.nodeCount, settings.processCountPerNode, settings.runInvocationTimeout);
  }

  async run(): Promise<void> {
    const { settings, faults } = this.inputs;
    this.log.masterLine(0, `Requesting ${plural(settings.nodeCount, 'node')} (${settings.priority} ${settings.vmSize}), ${plural(settings.processCountPerNode, 'process', 'processes')} each.`);
    if (this.inputs.batches.length === 0) {
      this.log.progressLine(0, 'The input is empty: 0 mini-batches created.');
      this.done = true;
      return;
    }
    for (let n = 0; n < settings.nodeCount; n++) this.requestNode(0);
    if (settings.priority === 'lowpriority') {
      for (const p of faults.explicitPreemptions) this.events.push(p.time, { kind: 'preempt', node: p.node });
    }
    while (!this.done) {
      const time = this.events.peekTime();
      const event = this.events.pop();
      if (!event) throw new Error('Simulation stalled: no event left while work remains (engine bug)');
      this.now = time;
      const handling = this.handle(event);
      if (handling) await handling;
      if (this.done) break;
      const dispatching = this.dispatch();
      if (dispatching) await dispatching;
    }
  }

  private handle(event: JobEvent): Promise<void> | void {
    switch (event.kind) {
      case 'attempt_done':
        if (event.generation === event.proc.generation) this.finishAttempt(event.proc);
        return;
      case 'node_ready':
        return this.nodeReady(event.node);
      case 'mount_failed':
        this.mountFailed(event.node);
        return;
      case 'init_done':
        if (event.generation === event.proc.generation) this.finishInit(event.proc);
        return;
      case 'restart':
        if (event.generation === event.proc.generation) return this.startInit(event.proc);
        return;
      case 'preempt':
        this.preempt(event.node);
        return;
      case 'no_progress_check':
        this.checkNoProgress(event.epoch);
        return;
      case 'job_wide_init_check':
        this.checkJobWideInit();
        return;
    }
  }

  // ---- nodes -------------------------------------------------------------

  private requestNode(at: number): SimNode {
    const { vm, model } = this.inputs.compute;
    const node: SimNode = {
      index: this.nodes.length,
      requestedAt: at,
      readyAt: null,
      endedAt: null,
      preempted: false,
      initFailures: 0,
      retriesStopped: false,
      processes: [],
    };
    for (let p = 0; p < this.inputs.settings.processCountPerNode; p++) {
      node.processes.push(createProcess(node, p, vm, this.log.processLog(node.index, p)));
    }
    this.nodes.push(node);
    // Whole seconds keep the logs readable; the jitter makes nodes arrive one by one.
    const jitter = 1 + model.startupJitter * (2 * this.inputs.rng.next() - 1);
    this.events.push(at + Math.round(vm.startupSeconds * jitter), { kind: 'node_ready', node });
    return node;
  }

  private async nodeReady(node: SimNode): Promise<void> {
    if (node.endedAt !== null) return; // preempted while starting up
    node.readyAt = this.now;
    if (this.inputs.faults.datastoreAccess) {
      // The datastores are mounted before any process starts, so this fails first.
      this.log.masterLine(this.now, `${nodeName(node.index)} is ready; mounting the input dataset and the output folder.`);
      this.events.push(this.now + MOUNT_SECONDS, { kind: 'mount_failed', node });
      return;
    }
    this.log.masterLine(this.now, `${nodeName(node.index)} is ready; starting ${plural(node.processes.length, 'process', 'processes')}.`);
    if (this.initRules.jobStarted(this.now)) {
      const { settings } = this.inputs;
      this.log.progressLine(this.now, `${this.inputs.batches.length} mini-batches created (mini_batch_size ${settings.miniBatchSize} ${settings.miniBatchSizeUnit}).`);
    }
    const delay = this.inputs.settings.priority === 'lowpriority' ? this.inputs.faults.preemptionDelay() : Infinity;
    if (delay !== Infinity) this.events.push(this.now + delay, { kind: 'preempt', node: node.index });
    for (const proc of node.processes) {
      await this.startInit(proc);
      if (this.done) return;
    }
  }

  private mountFailed(node: SimNode): void {
    const fault = this.inputs.faults.datastoreAccess;
    if (!fault || node.endedAt !== null) return;
    const what = fault.mount === 'input' ? 'the input dataset' : 'the output folder';
    const error = `${fault.error.name}: ${fault.error.message}`;
    this.log.errorLine(this.now, `Mounting ${what} failed on ${nodeName(node.index)}: ${error}`);
    this.systemFailure('datastore_access', `mounting ${what} failed on ${nodeName(node.index)} before any process started, so neither init() nor run() was called (${error})`);
  }

  private preempt(index: number): void {
    const node = this.nodes[index];
    if (!node || node.endedAt !== null || this.preemptions >= this.inputs.faults.maxPreemptions) return;
    this.preemptions++;
    node.endedAt = this.now;
    node.preempted = true;
    for (const proc of node.processes) this.killForPreemption(proc);
    this.closeStuckWindowIfNobodyStarts();
    const replacement = this.requestNode(this.now);
    node.replacedBy = replacement.index;
    this.log.masterLine(this.now, `${nodeName(index)} was preempted (low priority); its in-flight mini-batches go back to the queue. ${nodeName(replacement.index)} requested as a replacement.`);
  }

  private killForPreemption(proc: SimProcess): void {
    const pending = proc.pending;
    if (proc.state === 'busy' && pending.active) {
      const id = pending.miniBatchId;
      this.recordAttempt(proc, id, pending.start, 'preempted', 'node preempted');
      this.logAttempt(proc, id, pending.start, 0, 0, 'preempted', 'node preempted');
      this.queue.push(id);
      pending.active = false;
      pending.returned = null;
    }
    if (isReady(proc)) this.initRules.processLeftReady();
    proc.state = 'dead';
    proc.generation++;
  }

  // ---- init() ------------------------------------------------------------

  private async startInit(proc: SimProcess): Promise<void> {
    const { settings, faults, compute } = this.inputs;
    proc.state = 'init';
    proc.spent = 0;
    proc.callStart = this.now;
    proc.ctx.attempt = 0;
    proc.ctx.miniBatchId = -1;
    const check = this.initRules.initStarting(this.now);
    if (check) this.events.push(check.at, { kind: 'no_progress_check', epoch: check.epoch });
    proc.log.push(`${this.stamp()} Starting ${processName(proc.index)} on ${nodeName(proc.node.index)} (${settings.vmSize}, GPU: ${proc.hasGpu ? 'yes' : 'no'}); calling init().`);
    let outcome: CallOutcome | Promise<CallOutcome>;
    if (faults.initFails(proc.node.index)) {
      outcome = { ok: false, error: new Error('injected fault: init() failed') };
    } else {
      // A fresh script instance per process start, as a restarted Python process would have.
      outcome = invoke(() => {
        const script = this.inputs.entryScript();
        proc.script = script;
        return script.init?.(proc.ctx);
      });
    }
    if (outcome instanceof Promise) outcome = await outcome;
    proc.pendingInitError = outcome.ok ? null : errorMessage(outcome.error);
    const end = this.now + compute.model.initSeconds + proc.spent;
    this.events.push(end, { kind: 'init_done', proc, generation: proc.generation });
  }

  private finishInit(proc: SimProcess): void {
    const error = proc.pendingInitError;
    if (error === null) {
      proc.log.push(`${this.stamp()} init() finished.`);
      this.initRules.processReady();
      this.becomeIdle(proc);
      return;
    }
    const node = proc.node;
    proc.log.push(`${this.stamp()} init() failed: ${error}`);
    this.lastInitError = error;
    this.log.stderrLines(proc.node.index, proc.index, pythonTraceback('init', error));
    this.log.errorLine(this.now, `init() failed on ${proc.label}: ${error}`);
    if (this.initRules.recordFailure(node)) {
      proc.state = 'dead';
      if (!node.retriesStopped) this.stopNodeRetries(node);
    } else {
      proc.state = 'restarting';
      this.events.push(this.now + this.inputs.compute.model.restartSeconds, { kind: 'restart', proc, generation: proc.generation });
    }
    this.checkJobWideInit();
    if (!this.done && !this.hasCapacity()) this.systemFailure('init_per_node', `init() kept failing with ${this.lastInitError}; ${this.initRules.perNodeMessage()}`);
  }

  private stopNodeRetries(node: SimNode): void {
    node.retriesStopped = true;
    this.log.masterLine(this.now, `${nodeName(node.index)} reached ${this.initRules.perNodeLimit} init() failures (3 × process_count_per_node); its processes stop retrying.`);
    for (const other of node.processes) {
      if (other.state !== 'restarting') continue; // a retry not yet begun is called off
      other.state = 'dead';
      other.generation++;
    }
  }

  private checkJobWideInit(): void {
    if (this.done) return;
    const verdict = this.initRules.jobWideVerdict(this.now);
    if (verdict && 'fail' in verdict) this.systemFailure('init_job_wide', `init() kept failing with ${this.lastInitError}; ${verdict.fail}`);
    else if (verdict) this.events.push(verdict.checkAt, { kind: 'job_wide_init_check' });
  }

  // Processes that vanish with a preempted node were not stuck in init(): the
  // job is waiting for a node, so the window restarts with the next init().
  private closeStuckWindowIfNobodyStarts(): void {
    for (const node of this.nodes) {
      if (node.endedAt !== null) continue;
      for (const proc of node.processes) if (proc.state === 'init' || proc.state === 'restarting') return;
    }
    this.initRules.nobodyStarting();
  }

  private checkNoProgress(epoch: number): void {
    if (this.done) return;
    const reason = this.initRules.noProgressVerdict(epoch);
    if (reason) this.systemFailure('init_no_progress', reason);
  }

  private hasCapacity(): boolean {
    for (const node of this.nodes) {
      if (node.endedAt !== null) continue;
      if (node.readyAt === null) return true;
      if (node.processes.some(isAlive)) return true;
    }
    return false;
  }

  private becomeIdle(proc: SimProcess): void {
    proc.state = 'idle';
    this.idle.push(proc);
  }

  // ---- run() attempts ----------------------------------------------------

  /**
   * Hands queued mini-batches to idle processes. Returns a promise only when an
   * entry script answered asynchronously; the rest of the dispatch then
   * continues after it, in the same order.
   */
  private dispatch(): Promise<void> | undefined {
    while (!this.done && this.queueHead < this.queue.length && this.idleHead < this.idle.length) {
      const proc = this.idle[this.idleHead++] as SimProcess;
      if (proc.state !== 'idle') continue;
      const id = this.queue[this.queueHead++] as number;
      if (this.picked[id] === 0) {
        this.scheduled++;
        if (this.scheduled === this.inputs.batches.length) {
          this.checkThresholds(); // allowed_failed_percent starts counting now
          if (this.done) return;
        }
      }
      this.picked[id] = (this.picked[id] as number) + 1;
      const started = this.startAttempt(proc, id);
      if (started) return started.then(() => this.dispatch());
    }
    this.compactQueues();
    return undefined;
  }

  private startAttempt(proc: SimProcess, id: number): Promise<void> | void {
    const batch = this.inputs.batches[id] as MiniBatch;
    const attempt = (this.tries[id] as number) + 1;
    const duration = startAttempt(proc, batch, this.inputs.bytes[id] as number, attempt, this.now, this.attemptEnv);
    if (typeof duration === 'number') this.attemptScheduled(proc, duration);
    else return duration.then((d) => this.attemptScheduled(proc, d));
  }

  private attemptScheduled(proc: SimProcess, duration: number): void {
    proc.pending.active = true;
    proc.attemptDone.generation = proc.generation;
    this.events.push(this.now + duration, proc.attemptDone);
  }

  private finishAttempt(proc: SimProcess): void {
    const pending = proc.pending;
    if (!pending.active) return;
    pending.active = false;
    const { miniBatchId: id, start, outcome, error, returned } = pending;
    pending.returned = null;
    const total = (this.inputs.batches[id] as MiniBatch).items.length;
    this.recordAttempt(proc, id, start, outcome, error);
    this.tries[id] = (this.tries[id] as number) + 1;
    if (outcome === 'succeeded') {
      this.acceptReturn(proc, id, total, start, returned ?? []);
    } else {
      this.rejectAttempt(proc, id, total, start, outcome, error);
    }
    if (outcome === 'oom') this.restartAfterCrash(proc);
    else this.becomeIdle(proc);
    if (!this.done && this.finalized === this.inputs.batches.length) this.done = true;
  }

  private acceptReturn(proc: SimProcess, id: number, total: number, start: number, returned: unknown[]): void {
    const succeeded = Math.min(returned.length, total);
    const failed = total - succeeded;
    let error = '';
    if (failed > 0) error = `run() returned ${returned.length} results for ${total} inputs; the missing ${failed} count as failed items`;
    else if (returned.length > total) error = `run() returned ${returned.length} results for ${total} inputs; one result per input is expected`;
    this.logAttempt(proc, id, start, succeeded, failed, 'succeeded', error);
    if (error) this.log.errorLine(this.now, `mini-batch ${id} on ${proc.label}: ${error}`);
    if (this.keepReturned) this.outputLines[id] = returned.map(formatOutputLine);
    this.finalize(id, failed > 0 ? FAILED : SUCCEEDED, succeeded, failed);
  }

  private rejectAttempt(proc: SimProcess, id: number, total: number, start: number, outcome: AttemptOutcome, error: string): void {
    const tries = this.tries[id] as number;
    const maxTry = this.inputs.settings.runMaxTry;
    this.logAttempt(proc, id, start, 0, total, outcome, error);
    this.log.errorLine(this.now, `mini-batch ${id}, try ${tries} of ${maxTry}, on ${proc.label}: ${error}`);
    proc.log.push(`${this.stamp()} mini-batch ${id} failed (try ${tries}): ${error}`);
    if (outcome === 'exception') this.log.stderrLines(proc.node.index, proc.index, pythonTraceback('run', error));
    if (tries >= maxTry) this.finalize(id, FAILED, 0, total);
    else this.queue.push(id);
  }

  private restartAfterCrash(proc: SimProcess): void {
    this.initRules.processLeftReady();
    proc.state = 'restarting';
    proc.log.push(`${this.stamp()} The process ran out of memory and is restarting.`);
    this.events.push(this.now + this.inputs.compute.model.restartSeconds, { kind: 'restart', proc, generation: proc.generation });
  }

  private recordAttempt(proc: SimProcess, id: number, start: number, outcome: AttemptOutcome, error: string): void {
    const attempt: Attempt = { node: proc.node.index, process: proc.index, start, end: this.now, outcome };
    if (error) attempt.error = error;
    const list = this.attempts[id];
    if (list) list.push(attempt);
    else this.attempts[id] = [attempt];
  }

  private logAttempt(proc: SimProcess, id: number, start: number, succeeded: number, failed: number, outcome: AttemptOutcome, error: string): void {
    const total = (this.inputs.batches[id] as MiniBatch).items.length;
    this.log.attempt(id, this.picked[id] as number, proc.label, start, total, succeeded, failed, this.now - start, outcome, error);
  }

  // ---- bookkeeping -------------------------------------------------------

  private finalize(id: number, status: number, succeeded: number, failed: number): void {
    this.status[id] = status;
    this.itemsSucceeded[id] = succeeded;
    this.itemsFailed[id] = failed;
    this.finalized++;
    this.failedItems += failed;
    if (status === FAILED) this.failedBatches++;
    this.reportProgress();
    if (failed > 0) this.checkThresholds();
  }

  private checkThresholds(): void {
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
    );
    if (breaches.length === 0) return;
    this.done = true;
    this.failure = { kind: 'threshold', thresholds: breaches.map((b) => b.threshold) };
    this.failureReason = breaches.map((b) => b.message).join('; ');
    this.log.masterLine(this.now, `Aborting the job: ${this.failureReason}.`);
  }

  private systemFailure(rule: SystemFailureRule, reason: string): void {
    this.done = true;
    this.failure = { kind: 'system', rule };
    this.failureReason = `System error: ${reason}`;
    this.log.masterLine(this.now, `Stopping the job. ${this.failureReason}.`);
  }

  private reportProgress(): void {
    const total = this.inputs.batches.length;
    if (this.finalized * 10 < this.nextProgress * total) return;
    while (this.finalized * 10 >= this.nextProgress * total) this.nextProgress++;
    this.log.progressLine(this.now, `${this.finalized} of ${total} mini-batches processed (${Math.floor((this.finalized / total) * 100)} %).`);
  }

  private compactQueues(): void {
    if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    if (this.idleHead > 4096 && this.idleHead * 2 > this.idle.length) {
      this.idle.splice(0, this.idleHead);
      this.idleHead = 0;
    }
  }

  private stamp(): string {
    return `[${this.now.toFixed(3)}s]`;
  }
}

