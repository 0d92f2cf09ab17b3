// What the pipeline scheduler tracks for each step, and how a step's state is
// reported as a StepRun once the run is over.
import type { ComputeCluster, Environment, PipelineStep, StepOutputSummary, StepRun, StepStatus, Workspace, WrittenBlob } from './types';
import { nodesNeeded, type Execution } from './step-execution';

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export interface ScheduledStep {
  step: PipelineStep;
  cluster: ComputeCluster;
  environment: Environment | undefined;
  deps: string[];
}

export interface SchedulerOptions {
  ws: Workspace;
  runId: string;
  submittedAt: string;
  seed: number;
  regenerateOutputs: boolean;
  continueOnStepFailure: boolean;
}

export interface StepState extends ScheduledStep {
  status: StepStatus;
  history: { status: StepStatus; at: number }[];
  start: number;
  end: number;
  runningAt: number;
  key: string;
  stepRunId: string;
  execution?: Execution;
  outputs: Record<string, StepOutputSummary>;
  written: WrittenBlob[];
  reusedFrom?: { runId: string; stepRunId: string };
  costUsd: number;
  error?: string;
}

export function toStepRun(state: StepState): StepRun {
  const run: StepRun = {
    name: state.step.name,
    type: state.step.type,
    status: state.status as StepRun['status'],
    history: state.history,
    compute: state.cluster.name,
    vmSize: state.cluster.vm_size,
    nodes: nodesNeeded(state.step),
    start: round3(state.start),
    end: round3(state.end),
    startupSeconds: round3(state.execution?.startup ?? 0),
    costUsd: Math.round(state.costUsd * 1e6) / 1e6,
    stepRunId: state.stepRunId,
    reuseKey: state.key,
    outputs: state.outputs,
    written: state.written,
    logs: state.execution?.logs ?? [],
  };
  if (state.reusedFrom) run.reusedFrom = state.reusedFrom;
  if (state.error !== undefined) run.error = state.error;
  if (state.execution?.parallelRun) run.parallelRun = state.execution.parallelRun;
  if (state.execution?.warmStartSavedSeconds !== undefined) run.warmStartSavedSeconds = round3(state.execution.warmStartSavedSeconds);
  return run;
}
