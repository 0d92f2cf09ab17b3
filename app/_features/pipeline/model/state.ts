// The pipeline widget's state as data: what the store holds, what it can be
// asked to do, and the pure pieces the store builds it from.
import { changedAssignments } from './edits';
import type { RunFault } from './faults';
import type { DataChangeView, DefinitionView, ErrorView, PublishedView, RunView } from './protocol';
import type { InvokeOutcome, ServerPipeline } from './server-api';

export type BusyAction = 'run' | 'change-data' | 'reset' | 'publish';

export interface PipelineData {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  definition: DefinitionView | null;
  /** Parameter name → field text. */
  params: Record<string, string>;
  allowReuse: Record<string, boolean>;
  regenerateOutputs: boolean;
  /** The run-time fault the next run carries. */
  fault: RunFault;
  /** The engine's validation of the current edits. */
  errors: ErrorView[];
  busy: BusyAction | null;
  run: RunView | null;
  /** Step name → reuse key in the run before `run` (null before a second run). */
  previousKeys: Record<string, string> | null;
  /** A datastore rewrite not yet followed by a run. */
  pendingDataChange: DataChangeView | null;
  /** The rewrite that happened just before `run` was submitted. */
  runDataChange: DataChangeView | null;
  /** Polite announcement for screen readers (also shown as the status line). */
  announcement: string;
  /** Why the last action could not be done (load failures, worker errors). */
  message: string | null;
  published: PublishedView | null;
  /** The same pipeline as published on the local server (the id the curl command uses). */
  server: ServerPipeline | null;
  serverNote: string | null;
  invokeBody: string;
  invoking: boolean;
  invokeResult: InvokeOutcome | null;
}

export interface PipelineActions {
  /** Creates the worker and loads the workspace; the widget calls it once it is visible (and again to retry). */
  start(): void;
  setParameter(name: string, text: string): void;
  setAllowReuse(step: string, allowed: boolean): void;
  setRegenerateOutputs(on: boolean): void;
  setFault(fault: RunFault): void;
  /** Submits a run with the current edits. */
  submitRun(): Promise<void>;
  changeData(): Promise<void>;
  resetWorkspace(): Promise<void>;
  publish(): Promise<void>;
  setInvokeBody(text: string): void;
  invoke(): Promise<void>;
  dispose(): void;
}

export type PipelineState = PipelineData & PipelineActions;


export const INITIAL: PipelineData = {
  phase: 'idle',
  definition: null,
  params: {},
  allowReuse: {},
  regenerateOutputs: false,
  fault: 'none',
  errors: [],
  busy: null,
  run: null,
  previousKeys: null,
  pendingDataChange: null,
  runDataChange: null,
  announcement: '',
  message: null,
  published: null,
  server: null,
  serverNote: null,
  invokeBody: '',
  invoking: false,
  invokeResult: null,
};

export function runAnnouncement(run: RunView): string {
  return `${run.id} ${run.status}: ${run.steps.map((s) => `${s.name} ${s.status}`).join(', ')}.`;
}

export function defaults(definition: DefinitionView): Pick<PipelineData, 'params' | 'allowReuse'> {
  return {
    params: Object.fromEntries(definition.parameters.map((p) => [p.name, String(p.default)])),
    allowReuse: Object.fromEntries(definition.steps.map((s) => [s.name, s.allowReuse])),
  };
}

export function defaultInvokeBody(state: PipelineData): string {
  const assignments = changedAssignments(state.definition?.parameters ?? [], state.params);
  return JSON.stringify({ ParameterAssignments: assignments });
}
