// Types of the pipeline layer: a workspace (compute, datastores, model
// registry, environments, reuse memory, published pipelines), pipelines as
// plain objects a learner can edit, and the run report. Field names follow
// SDK v1 in snake_case where SDK v1 has a name for the thing.
import type { Dataset } from '../types';
import type { ParallelRunSimulation } from '../parallel-run/sim-types';

// ---- workspace -------------------------------------------------------------

export type ComputeTier = 'dedicated' | 'low_priority';

export interface ComputeCluster {
  name: string;
  /** A key of VM_SIZES (the parallel-run compute catalogue). */
  vm_size: string;
  max_nodes: number;
  tier: ComputeTier;
  /** Seconds an idle node stays up; the v1 AmlCompute default is 1800 (v2 docs say 120). */
  idle_seconds_before_scaledown: number;
}

/** A blob made on demand by a seeded generator instead of stored text. */
export interface GeneratedBlobSource {
  kind: 'credit-risk';
  rows: number;
  seed: number;
  corruptShare?: number;
  skew?: number;
}

export interface DatastoreBlob {
  /** CSV text; exactly one of content and generator is set. */
  content?: string;
  generator?: GeneratedBlobSource;
  /** Virtual UTC time of the last write, ISO `YYYY-MM-DDTHH:MM:SSZ`. */
  modified: string;
  bytes: number;
}

export interface Datastore {
  name: string;
  type: 'AzureBlob';
  /** False models a compute identity without read permission on the container. */
  can_read: boolean;
  /** Blob path (no leading slash) → blob. */
  blobs: Record<string, DatastoreBlob>;
}

export interface ModelVersion {
  version: number;
  requires_gpu: boolean;
  /** The ONNX file; absent when the workspace was made without model bytes. */
  bytes?: Uint8Array;
  /** Decision threshold override; omitted means the model's own metadata. */
  threshold?: number;
  description: string;
  registered: string;
}

export interface RegisteredModel {
  name: string;
  /** Ascending by version. */
  versions: ModelVersion[];
}

export interface Environment {
  name: string;
  /** Package names as pip knows them (lower case). */
  packages: string[];
}

export interface ReuseEntry {
  key: string;
  runId: string;
  stepRunId: string;
  /** Output name → output identity. */
  outputs: Record<string, string>;
}

export interface Workspace {
  name: string;
  computes: Record<string, ComputeCluster>;
  datastores: Record<string, Datastore>;
  models: Record<string, RegisteredModel>;
  environments: Record<string, Environment>;
  /** Used by steps that name no environment. */
  default_environment: string;
  published: Record<string, PublishedPipeline>;
  /** Completed step runs by reuse key, oldest first (capped). */
  reuse: Record<string, ReuseEntry>;
  /** Step outputs by identity, kept while a reuse entry refers to them. */
  artifacts: Record<string, Artifact>;
  /** Virtual wall clock, ISO UTC; runs and blob writes move it forward. */
  clock: string;
  runCount: number;
}

// ---- pipeline definition ---------------------------------------------------

export type ParameterType = 'string' | 'int' | 'float' | 'bool';
export type ParameterValue = string | number | boolean;

export interface PipelineParameterSpec {
  default: ParameterValue;
  /** Inferred from the default when omitted. */
  type?: ParameterType;
  description?: string;
}

export type ArgumentValue = ParameterValue | number[];

export type StepType = 'python_script' | 'parallel_run';

/**
 * One step. Inputs name either an output of another step or a datastore path
 * written `<datastore>/<folder or blob>`. Any string field may hold
 * `{parameter}` references; `{run-id}` is filled in when the step runs.
 */
export interface PipelineStep {
  name: string;
  type: StepType;
  /** The entry file; built-in behaviour comes from its name (ingest.py, preprocess.py, score.py, postprocess.py, write_output.py). */
  script?: string;
  /** The script's code, hashed for reuse like a source_directory: any edit makes the step run again. */
  source?: string;
  /** Packages the script imports; each must be in the step's environment. */
  imports?: string[];
  compute?: string;
  environment?: string;
  inputs: string[];
  outputs: string[];
  allow_reuse?: boolean;
  arguments?: Record<string, ArgumentValue>;
  model?: { name: string; version: number | string };
  parallel_run_config?: Record<string, unknown>;
}

export interface Pipeline {
  name: string;
  description?: string;
  default_compute?: string;
  parameters?: Record<string, PipelineParameterSpec>;
  steps: PipelineStep[];
}

export type PipelineErrorCode =
  | 'cycle'
  | 'missing_input'
  | 'duplicate_step'
  | 'duplicate_output'
  | 'invalid_step'
  | 'invalid_step_name'
  | 'unknown_compute'
  | 'node_count_exceeds_max'
  | 'missing_output'
  | 'model_not_found'
  | 'gpu_required'
  | 'missing_package'
  | 'unknown_environment'
  | 'datastore_access'
  | 'unknown_datastore'
  | 'unknown_parameter'
  | 'invalid_parameter_value'
  | 'invalid_parallel_run_config';

export interface PipelineError {
  code: PipelineErrorCode;
  step?: string;
  message: string;
}

// ---- data between steps ----------------------------------------------------

export interface ScoredRecord {
  id: string;
  score: number;
  label: number;
}

export interface RiskBand {
  band: string;
  /** Scores in [from, to); the last band includes 1. */
  from: number;
  to: number;
  count: number;
  share: number;
  meanScore: number | null;
  /** Share of applicants in the band whose ground-truth label is 1, when labels were joined in. */
  observedDefaultRate: number | null;
}

export type Artifact =
  | { kind: 'dataset'; dataset: Dataset; bytes: number }
  | { kind: 'scores'; rows: ScoredRecord[] }
  | { kind: 'risk_bands'; bands: RiskBand[]; rows: (ScoredRecord & { band: string })[] }
  | { kind: 'opaque'; producedBy: string };

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
