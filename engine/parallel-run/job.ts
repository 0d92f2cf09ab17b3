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
//    without a retry (v2's documented rule). Under the batch-endpoint rules
//    (rules.ts, cardinality 'any') there is no such thing as a short return.
//  - The init() rules live in init-rules.ts.
//  - When a threshold aborts the job, mini-batches still in flight are
//    cancelled and reported as not_run, like those never started; their
//    earlier failed tries stay in the attempts list.
//  - With append_row the output still holds what finished before an abort.
//
// The layers: job-state.ts (state and bookkeeping), job-lifecycle.ts (nodes
// and init()), and this file (the event loop and the run() attempts).
import type { AttemptOutcome, MiniBatch, OutputPart } from '../types';
import { startAttempt } from './attempt';
import { JobLifecycle } from './job-lifecycle';
import { FAILED, pythonTraceback, SUCCEEDED } from './job-state';
import { partLength } from './output';
import { miniBatchLength } from './partition';
import { plural } from './outcome';
import type { JobEvent, SimProcess } from './workers';

export { MINI_BATCH_STATUS, type JobInputs } from './job-state';

export class ParallelRunJob extends JobLifecycle {
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


  // ---- run() attempts ----------------------------------------------------

  /**
   * Hands queued mini-batches to idle processes. Returns a promise only when an
   * entry script answered asynchronously; the rest of the dispatch then
   * continues after it, in the same order.
   */
  protected dispatch(): Promise<void> | undefined {
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

  protected startAttempt(proc: SimProcess, id: number): Promise<void> | void {
    const batch = this.inputs.batches[id] as MiniBatch;
    const attempt = (this.tries[id] as number) + 1;
    const duration = startAttempt(proc, batch, this.inputs.bytes[id] as number, attempt, this.now, this.attemptEnv);
    if (typeof duration === 'number') this.attemptScheduled(proc, duration);
    else return duration.then((d) => this.attemptScheduled(proc, d));
  }

  protected attemptScheduled(proc: SimProcess, duration: number): void {
    proc.pending.active = true;
    proc.attemptDone.generation = proc.generation;
    this.events.push(this.now + duration, proc.attemptDone);
  }

  protected finishAttempt(proc: SimProcess): void {
    const pending = proc.pending;
    if (!pending.active) return;
    pending.active = false;
    const { miniBatchId: id, start, outcome, error, returned } = pending;
    pending.returned = null;
    const total = miniBatchLength(this.inputs.batches[id] as MiniBatch);
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

  protected acceptReturn(proc: SimProcess, id: number, total: number, start: number, returned: OutputPart): void {
    if (this.inputs.rules.cardinality === 'any') return this.acceptAnyReturn(proc, id, total, start, returned);
    const length = partLength(returned);
    const succeeded = Math.min(length, total);
    const failed = total - succeeded;
    let error = '';
    if (failed > 0) error = `run() returned ${length} results for ${total} inputs; the missing ${failed} count as failed items`;
    else if (length > total) error = `run() returned ${length} results for ${total} inputs; one result per input is expected`;
    this.logAttempt(proc, id, start, succeeded, failed, 'succeeded', error);
    if (error) this.log.errorLine(this.now, `mini-batch ${id} on ${proc.label}: ${error}`);
    if (this.keepReturned) this.outputParts[id] = returned;
    this.finalize(id, failed > 0 ? FAILED : SUCCEEDED, succeeded, failed);
  }

  /** Batch endpoints: one file may give many rows or none, so a normal return settles every input. */
  protected acceptAnyReturn(proc: SimProcess, id: number, total: number, start: number, returned: OutputPart): void {
    this.logAttempt(proc, id, start, total, 0, 'succeeded', '');
    if (this.keepReturned) this.outputParts[id] = returned;
    this.finalize(id, SUCCEEDED, total, 0);
  }

  protected rejectAttempt(proc: SimProcess, id: number, total: number, start: number, outcome: AttemptOutcome, error: string): void {
    const tries = this.tries[id] as number;
    const maxTry = this.inputs.settings.runMaxTry;
    this.logAttempt(proc, id, start, 0, total, outcome, error);
    this.log.errorLine(this.now, `mini-batch ${id}, try ${tries} of ${maxTry}, on ${proc.label}: ${error}`);
    proc.log.push(`${this.stamp()} mini-batch ${id} failed (try ${tries}): ${error}`);
    if (outcome === 'exception') this.log.stderrLines(proc.node.index, proc.index, pythonTraceback('run', error));
    if (tries >= maxTry) this.finalize(id, FAILED, 0, total);
    else this.queue.push(id);
  }

  /**
   * The append_row file is already in the output location and must not be
   * overwritten: every mini-batch ran, but the job cannot write its results.
   */
  failOnExistingOutput(fileName: string): void {
    this.log.errorLine(this.now, `${fileName} already exists in the output location; it is kept as it is and the new results are not written`);
    this.systemFailure('output_exists', `${fileName} is already in the output location and is never overwritten, so the results of this job were not written; give each job its own output location or remove the old file first`);
  }

  protected restartAfterCrash(proc: SimProcess): void {
    this.initRules.processLeftReady();
    proc.state = 'restarting';
    proc.log.push(`${this.stamp()} The process ran out of memory and is restarting.`);
    this.events.push(this.now + this.inputs.compute.model.restartSeconds, { kind: 'restart', proc, generation: proc.generation });
  }
}
