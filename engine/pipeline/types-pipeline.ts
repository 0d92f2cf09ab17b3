// A pipeline as a learner writes it (parameters, steps, their validation
// errors) and the data that moves between its steps.
import type { Dataset } from '../types';

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
