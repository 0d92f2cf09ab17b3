// A pipeline run as it is reported (steps, outputs, written blobs) and a
// published pipeline with its REST request.
import type { ParallelRunSimulation } from '../parallel-run/sim-types';
import type { ParameterType, ParameterValue, StepType, Pipeline, Artifact } from './types-pipeline';

// ---- runs ------------------------------------------------------------------

export type StepStatus = 'NotStarted' | 'Queued' | 'Running' | 'Completed' | 'Failed' | 'Canceled' | 'Reused';
export type FinalStepStatus = 'Completed' | 'Failed' | 'Canceled' | 'Reused';

export interface StepOutputSummary {
  /** Identity: which step run produced it. Downstream reuse keys on this, not on the data. */
  id: string;
  kind: Artifact['kind'];
  rows: number;
}

export interface WrittenBlob {
  datastore: string;
  path: string;
  bytes: number;
}

export interface StepRun {
  name: string;
  type: StepType;
  status: FinalStepStatus;
  /** Every status the step went through, with the virtual second it entered it. */
  history: { status: StepStatus; at: number }[];
  compute: string;
  vmSize: string;
  nodes: number;
  /** Virtual seconds since the run started. A step that never ran has start = end = when it was settled. */
  start: number;
  end: number;
  /** Node start-up paid by this step (0 on a warm cluster or when it did not run). */
  startupSeconds: number;
  costUsd: number;
  stepRunId: string;
  reuseKey: string;
  reusedFrom?: { runId: string; stepRunId: string };
  outputs: Record<string, StepOutputSummary>;
  written: WrittenBlob[];
  logs: string[];
  error?: string;
  /** parallel_run steps that ran: the ParallelRunStep engine's full result. */
  parallelRun?: ParallelRunSimulation;
  /** parallel_run on a warm cluster: node start-up removed from the simulated job's time. */
  warmStartSavedSeconds?: number;
}

export interface RunOptions {
  parameters?: Record<string, ParameterValue>;
  regenerate_outputs?: boolean;
  continue_on_step_failure?: boolean;
  seed?: number;
  /**
   * 'full' (default) rejects every validation error. 'graph' only rejects what
   * keeps the graph from running at all, like submitting without validate():
   * a missing package, a GPU model on CPU, an unreadable datastore or a
   * missing model version then fails at run time instead.
   */
  validation?: 'full' | 'graph';
  /**
   * When the run was submitted, ISO UTC: the caller's real time (the HTTP
   * route and the widget pass it in; the engine reads no wall clock). Without
   * it the run is submitted at the workspace's virtual clock.
   */
  submittedAt?: string;
  experiment?: string;
  description?: string;
  tags?: Record<string, string>;
}

export interface PipelineRun {
  id: string;
  pipeline: string;
  experiment: string;
  description?: string;
  tags?: Record<string, string>;
  status: 'Completed' | 'Failed';
  submittedAt: string;
  parameters: Record<string, ParameterValue>;
  options: { regenerate_outputs: boolean; continue_on_step_failure: boolean; seed: number };
  steps: StepRun[];
  /** Virtual seconds from submission to the last step's end. */
  durationSeconds: number;
  costUsd: number;
}

// ---- publishing ------------------------------------------------------------

export interface PublishedParameter {
  name: string;
  type: ParameterType;
  default: ParameterValue;
  description?: string;
}

export interface PublishedPipeline {
  id: string;
  name: string;
  description?: string;
  version?: string;
  /** Relative REST path to POST a run to. */
  endpoint: string;
  parameters: PublishedParameter[];
  published: string;
  /** A snapshot: later edits to the source object do not change the published pipeline. */
  pipeline: Pipeline;
}

export interface PipelineRunRequest {
  ExperimentName?: string;
  ParameterAssignments?: Record<string, ParameterValue>;
  Description?: string;
  Tags?: Record<string, string>;
}
