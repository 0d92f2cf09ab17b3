// Messages between the pipeline widget and its worker, and the compact views
// the worker sends back. The worker owns the workspace and runs the engine;
// the page only ever sees these plain, structured-clone-friendly objects.
import type { PipelineErrorCode, StepStatus, StepType } from '@/engine/index';
import type { RunFault } from './faults';

/** What the learner changed: raw parameter text, per-step allow_reuse, regenerate_outputs. */
export interface PipelineEdits {
  /** Parameter name → the text typed into its field. */
  parameters: Record<string, string>;
  /** Step name → allow_reuse (a missing step keeps the pipeline's own setting). */
  allowReuse: Record<string, boolean>;
  regenerateOutputs: boolean;
  /** A run-time fault to inject into the run ('none' for a normal, fully validated run). */
  fault: RunFault;
}

export type PipelineRequest =
  | { type: 'init' }
  | { type: 'validate'; edits: PipelineEdits }
  | { type: 'run'; edits: PipelineEdits }
  | { type: 'change-data'; edits: PipelineEdits }
  | { type: 'reset' }
  | { type: 'publish'; edits: PipelineEdits; id?: string };

export type PipelineResponse =
  | { type: 'ready'; definition: DefinitionView; errors: ErrorView[] }
  | { type: 'validated'; errors: ErrorView[] }
  | { type: 'ran'; run: RunView }
  | { type: 'invalid'; errors: ErrorView[] }
  | { type: 'data-changed'; change: DataChangeView }
  | { type: 'published'; published: PublishedView }
  | { type: 'error'; message: string };

/** Envelopes: the id pairs a response with its request. */
export interface RequestEnvelope {
  id: number;
  request: PipelineRequest;
}
export interface ResponseEnvelope {
  id: number;
  response: PipelineResponse;
}

export interface ErrorView {
  code: PipelineErrorCode;
  step?: string;
  message: string;
}

export interface StepInputView {
  /** Output name or datastore path as written in the step (parameters unresolved). */
  name: string;
  /** The step that produces it; absent for a datastore path. */
  from?: string;
}

export interface StepDefinitionView {
  name: string;
  type: StepType;
  script: string | null;
  compute: string;
  vmSize: string | null;
  tier: 'dedicated' | 'low_priority' | null;
  inputs: StepInputView[];
  outputs: string[];
  /** Steps whose outputs this one reads. */
  dependsOn: string[];
  allowReuse: boolean;
  /** Pipeline parameters referenced anywhere in the step. */
  parameterRefs: string[];
}

export interface ParameterView {
  name: string;
  type: 'string' | 'int' | 'float' | 'bool';
  default: string | number | boolean;
  description?: string;
}

export interface DefinitionView {
  pipelineName: string;
  defaultCompute: string | null;
  /** Steps in dependency order. */
  steps: StepDefinitionView[];
  parameters: ParameterView[];
  /** `<datastore>/<blob path>` of every blob, for the input_path suggestions. */
  blobPaths: string[];
  /** Datastore folders that hold blobs (e.g. the sample folder), also suggestions. */
  folderPaths: string[];
}

export interface StepRunView {
  name: string;
  status: 'Completed' | 'Failed' | 'Canceled' | 'Reused';
  /** Every status with the virtual second it was entered, in time order. */
  history: { status: StepStatus; at: number }[];
  compute: string;
  vmSize: string;
  nodes: number;
  start: number;
  end: number;
  startupSeconds: number;
  costUsd: number;
  reuseKey: string;
  reusedFrom?: { runId: string; stepRunId: string };
  error?: string;
  /** Output name → rows it holds. */
  outputRows: Record<string, number>;
}

export interface RunView {
  id: string;
  status: 'Completed' | 'Failed';
  submittedAt: string;
  parameters: Record<string, string | number | boolean>;
  regenerateOutputs: boolean;
  steps: StepRunView[];
  durationSeconds: number;
  costUsd: number;
}

export interface DataChangeView {
  datastore: string;
  path: string;
  /** Virtual time of the write. */
  modified: string;
  bytes: number;
  /** How many times the blob content has been replaced in this workspace. */
  version: number;
}

export interface PublishedView {
  id: string;
  name: string;
  endpoint: string;
  published: string;
  parameters: ParameterView[];
}
