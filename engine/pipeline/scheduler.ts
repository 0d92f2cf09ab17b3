// The virtual-time loop of one pipeline run. A step moves NotStarted → Queued
// when all its dependencies are final, Queued → Running when its cluster has
// room (node start-up, if any, comes first), and ends Completed, Failed,
// Canceled or Reused. Independent steps overlap; each uses its own cluster.
//
// Failure: without continue_on_step_failure the first failed step stops the
// run — running steps are canceled at that moment and nothing else starts.
// With it, only steps that need the failed step's output (directly or not)
// are canceled, once all their dependencies have settled; the rest run on.
import type { Artifact, ReuseEntry, StepStatus, WrittenBlob } from './types';
import { round3, type ScheduledStep, type SchedulerOptions, type StepState } from './step-state';

export { toStepRun, type ScheduledStep, type SchedulerOptions } from './step-state';
import { ClusterPool } from './cluster-pool';
import { formatIso, parseIso, utf8Bytes } from './datastore';
import { findReusable, rememberStepRun, reuseKey } from './reuse';
import { executeStep, nodesNeeded, type Execution } from './step-execution';
import type { PendingWrite } from './python-scripts';
import { datasetRows } from './table-view';
import { bandedRowCount } from './banded-rows';

const FINAL: readonly StepStatus[] = ['Completed', 'Failed', 'Canceled', 'Reused'];
const SUCCESS: readonly StepStatus[] = ['Completed', 'Reused'];

function rowsOf(artifact: Artifact): number {
  switch (artifact.kind) {
    case 'dataset':
      return datasetRows(artifact.dataset);
    case 'scores':
      return artifact.rows.length;
    case 'risk_bands':
      return bandedRowCount(artifact);
    case 'opaque':
      return 0;
  }
}

export class RunScheduler {
  private now = 0;
  private stopped = false;
  private running: StepState[] = [];
  private readonly states: StepState[];
  private readonly byName = new Map<string, StepState>();
  private readonly pool: ClusterPool;
  /** This run's view of the data: output name → artifact, and → identity. */
  private readonly artifacts = new Map<string, Artifact>();
  private readonly outputIds = new Map<string, string>();

  constructor(
    steps: ScheduledStep[],
    private readonly options: SchedulerOptions,
  ) {
    this.pool = new ClusterPool(options.ws.computes);
    this.states = steps.map((s) => ({
      ...s,
      status: 'NotStarted',
      history: [{ status: 'NotStarted', at: 0 }],
      start: 0,
      end: 0,
      runningAt: 0,
      key: '',
      stepRunId: `${options.runId}_${s.step.name}`,
      outputs: {},
      written: [],
      costUsd: 0,
    }));
    for (const state of this.states) this.byName.set(state.step.name, state);
  }

  /** Runs every step to a final status; `steps` must be in topological order. */
  async run(): Promise<StepState[]> {
    for (;;) {
      await this.advance();
      if (this.running.length === 0) break;
      this.now = Math.min(...this.running.map((s) => s.end));
      this.finishDue();
    }
    // Only reachable if nothing could ever start; settle the rest so every step ends.
    for (const state of this.states) if (!FINAL.includes(state.status)) this.cancel(state);
    return this.states;
  }

  private setStatus(state: StepState, status: StepStatus, at = this.now): void {
    state.status = status;
    state.history.push({ status, at: round3(at) });
  }

  /** Settles, reuses, queues and starts whatever can move at the current time. */
  private async advance(): Promise<void> {
    let changed = true;
    while (changed) {
      changed = false;
      for (const state of this.states) {
        if (state.status !== 'NotStarted') continue;
        const deps = state.deps.map((d) => this.byName.get(d)!);
        if (!deps.every((d) => FINAL.includes(d.status))) continue;
        changed = true;
        if (this.stopped || !deps.every((d) => SUCCESS.includes(d.status))) this.cancel(state);
        else this.reuseOrQueue(state);
      }
      for (const state of this.states) {
        if (state.status !== 'Queued') continue;
        const nodes = nodesNeeded(state.step);
        if (this.pool.neverFits(state.cluster.name, nodes)) {
          this.fail(state, `needs ${nodes} nodes but ${state.cluster.name} has max_nodes ${state.cluster.max_nodes}`);
          changed = true;
        } else if (this.pool.canStart(state.cluster.name, nodes)) {
          await this.start(state, nodes);
          changed = true;
        }
      }
    }
  }

  private reuseOrQueue(state: StepState): void {
    const inputIds = state.step.inputs.map((name) => this.outputIds.get(name) ?? `datastore:${name}`);
    state.key = reuseKey({ step: state.step, compute: state.cluster.name, environment: state.environment, inputIdentities: inputIds });
    const allowed = (state.step.allow_reuse ?? true) && !this.options.regenerateOutputs;
    const entry = allowed ? findReusable(this.options.ws, state.key) : undefined;
    if (entry) this.reuse(state, entry);
    else this.setStatus(state, 'Queued');
  }

  private reuse(state: StepState, entry: ReuseEntry): void {
    state.start = state.end = this.now;
    state.reusedFrom = { runId: entry.runId, stepRunId: entry.stepRunId };
    for (const [name, id] of Object.entries(entry.outputs)) this.publishOutput(state, name, id, this.options.ws.artifacts[id]!);
    this.setStatus(state, 'Reused');
  }

  private async start(state: StepState, nodes: number): Promise<void> {
    const acquired = this.pool.acquire(state.cluster.name, nodes, this.now);
    state.start = this.now;
    const upstream = new Map<string, Artifact>();
    for (const name of state.step.inputs) {
      const artifact = this.artifacts.get(name);
      if (artifact) upstream.set(name, artifact);
    }
    const { ws, runId, seed } = this.options;
    const execution = await executeStep({ ws, step: state.step, cluster: state.cluster, environment: state.environment, upstream, nodes: acquired, runId, seed });
    state.execution = execution;
    state.end = this.now + execution.duration;
    state.runningAt = this.now + execution.startup;
    // The history entry is written when the step ends: it only counts if start-up finished first.
    state.status = 'Running';
    this.running.push(state);
  }

  /** Ends the steps due now: successes first, so a simultaneous failure does not cancel them. */
  private finishDue(): void {
    const due = this.running
      .filter((s) => s.end <= this.now)
      .sort((a, b) => Number(a.execution?.error !== undefined) - Number(b.execution?.error !== undefined));
    for (const state of due) {
      if (!this.running.includes(state)) continue; // canceled by a failure just handled
      this.running = this.running.filter((s) => s !== state);
      this.pool.release(state.cluster.name, nodesNeeded(state.step), this.now);
      state.history.push({ status: 'Running', at: round3(state.runningAt) });
      const execution = state.execution!;
      state.costUsd = execution.costUsd;
      if (execution.error !== undefined) this.fail(state, execution.error);
      else this.complete(state, execution);
    }
  }

  private complete(state: StepState, execution: Execution): void {
    const ids: Record<string, string> = {};
    const stored: Record<string, Artifact> = {};
    state.step.outputs.forEach((name, i) => {
      const artifact = execution.produced[i] ?? { kind: 'opaque', producedBy: state.stepRunId };
      const id = `azureml/${state.stepRunId}/${name}`;
      ids[name] = id;
      stored[id] = artifact;
      this.publishOutput(state, name, id, artifact);
    });
    for (const write of execution.writes) state.written.push(this.applyWrite(write));
    this.setStatus(state, 'Completed');
    rememberStepRun(this.options.ws, { key: state.key, runId: this.options.runId, stepRunId: state.stepRunId, outputs: ids }, stored);
  }

  private publishOutput(state: StepState, name: string, id: string, artifact: Artifact): void {
    this.artifacts.set(name, artifact);
    this.outputIds.set(name, id);
    state.outputs[name] = { id, kind: artifact.kind, rows: rowsOf(artifact) };
  }

  private applyWrite(write: PendingWrite): WrittenBlob {
    const store = this.options.ws.datastores[write.datastore]!;
    const modified = formatIso(parseIso(this.options.submittedAt) + Math.ceil(this.now) * 1000);
    const bytes = utf8Bytes(write.content);
    store.blobs[write.path] = { content: write.content, modified, bytes };
    return { datastore: write.datastore, path: write.path, bytes };
  }

  private fail(state: StepState, error: string): void {
    if (state.status === 'Queued') state.start = state.end = this.now;
    state.error = error;
    this.setStatus(state, 'Failed');
    if (!this.options.continueOnStepFailure) this.stopAll();
  }

  private stopAll(): void {
    this.stopped = true;
    for (const state of [...this.running]) this.cancel(state);
    for (const state of this.states) if (state.status === 'NotStarted' || state.status === 'Queued') this.cancel(state);
  }

  /** Cancels a step that is waiting or running; a running one pays for the time it used. */
  private cancel(state: StepState): void {
    if (this.running.includes(state)) {
      this.running = this.running.filter((s) => s !== state);
      this.pool.release(state.cluster.name, nodesNeeded(state.step), this.now);
      const execution = state.execution!;
      const used = execution.duration > 0 ? (this.now - state.start) / execution.duration : 0;
      state.costUsd = execution.costUsd * used;
      if (state.runningAt < this.now) state.history.push({ status: 'Running', at: round3(state.runningAt) });
    } else {
      state.start = this.now;
    }
    state.end = this.now;
    this.setStatus(state, 'Canceled');
  }
}
