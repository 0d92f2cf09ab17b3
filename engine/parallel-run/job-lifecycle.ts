// The life of a job's nodes and processes: requesting nodes (each with its
// start-up jitter), mounting datastores, preemption on low-priority nodes, and
// init() with the three documented failure rules (init-rules.ts).
import { JobState, MOUNT_SECONDS, pythonTraceback } from './job-state';
import { nodeName, processName } from './logs';
import { plural } from './outcome';
import { createProcess, errorMessage, invoke, isAlive, isReady, type CallOutcome, type SimNode, type SimProcess } from './workers';

export abstract class JobLifecycle extends JobState {
  // ---- nodes -------------------------------------------------------------

  protected requestNode(at: number): SimNode {
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

  protected async nodeReady(node: SimNode): Promise<void> {
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
      this.log.progressLine(this.now, `${this.inputs.batches.length} mini-batches created (${this.inputs.rules.names.miniBatchSize} ${settings.miniBatchSize} ${settings.miniBatchSizeUnit}).`);
    }
    const delay = this.inputs.settings.priority === 'lowpriority' ? this.inputs.faults.preemptionDelay() : Infinity;
    if (delay !== Infinity) this.events.push(this.now + delay, { kind: 'preempt', node: node.index });
    for (const proc of node.processes) {
      await this.startInit(proc);
      if (this.done) return;
    }
  }

  protected mountFailed(node: SimNode): void {
    const fault = this.inputs.faults.datastoreAccess;
    if (!fault || node.endedAt !== null) return;
    const what = fault.mount === 'input' ? 'the input dataset' : 'the output folder';
    const error = `${fault.error.name}: ${fault.error.message}`;
    this.log.errorLine(this.now, `Mounting ${what} failed on ${nodeName(node.index)}: ${error}`);
    this.systemFailure('datastore_access', `mounting ${what} failed on ${nodeName(node.index)} before any process started, so neither init() nor run() was called (${error})`);
  }

  protected preempt(index: number): void {
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

  protected killForPreemption(proc: SimProcess): void {
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

  protected async startInit(proc: SimProcess): Promise<void> {
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

  protected finishInit(proc: SimProcess): void {
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

  protected stopNodeRetries(node: SimNode): void {
    node.retriesStopped = true;
    this.log.masterLine(this.now, `${nodeName(node.index)} reached ${this.initRules.perNodeLimit} init() failures (3 × ${this.inputs.rules.names.processCountPerNode}); its processes stop retrying.`);
    for (const other of node.processes) {
      if (other.state !== 'restarting') continue; // a retry not yet begun is called off
      other.state = 'dead';
      other.generation++;
    }
  }

  protected checkJobWideInit(): void {
    if (this.done) return;
    const verdict = this.initRules.jobWideVerdict(this.now);
    if (verdict && 'fail' in verdict) this.systemFailure('init_job_wide', `init() kept failing with ${this.lastInitError}; ${verdict.fail}`);
    else if (verdict) this.events.push(verdict.checkAt, { kind: 'job_wide_init_check' });
  }

  // Processes that vanish with a preempted node were not stuck in init(): the
  // job is waiting for a node, so the window restarts with the next init().
  protected closeStuckWindowIfNobodyStarts(): void {
    for (const node of this.nodes) {
      if (node.endedAt !== null) continue;
      for (const proc of node.processes) if (proc.state === 'init' || proc.state === 'restarting') return;
    }
    this.initRules.nobodyStarting();
  }

  protected checkNoProgress(epoch: number): void {
    if (this.done) return;
    const reason = this.initRules.noProgressVerdict(epoch);
    if (reason) this.systemFailure('init_no_progress', reason);
  }

  protected hasCapacity(): boolean {
    for (const node of this.nodes) {
      if (node.endedAt !== null) continue;
      if (node.readyAt === null) return true;
      if (node.processes.some(isAlive)) return true;
    }
    return false;
  }

  protected becomeIdle(proc: SimProcess): void {
    proc.state = 'idle';
    this.idle.push(proc);
  }

}
