// Types of the simulator's API that go beyond engine/types.ts. They extend the
// shared types rather than change them, so existing callers keep working.
import type { Dataset, EntryScriptFactory, InitContext, ParallelRunConfig, ParallelRunResult, RunContext } from '../types';
import type { ComputeSpec, VmPriority } from './compute';
import type { ThresholdName } from './thresholds';

/** What a process knows about the machine it runs on (passed in every ctx). */
export interface ProcessMachine {
  vmSize: string;
  /** True when this process has a GPU of its own (sizes with fewer GPUs than processes leave some without). */
  gpu: boolean;
  cores: number;
  memoryGiB: number;
}

/** The init() context the simulator actually passes. */
export interface ParallelInitContext extends InitContext, ProcessMachine {
  /** Writes a line to this process's entry-script log. */
  log(message: string): void;
}

/** The run() context the simulator actually passes. */
export interface ParallelRunContext extends RunContext, ProcessMachine {}

/** Injected faults, for lessons and tests. All draws come from the seed. */
export interface FaultPlan {
  /** Probability (0..1) that any run() attempt throws before doing work. */
  exceptionRate?: number;
  /** Mini-batches whose first `attempts` tries throw (every try when attempts is omitted). */
  failingMiniBatches?: { id: number; attempts?: number }[];
  /** Items that take extra virtual seconds each: by id, or a seeded share of all items. */
  slowItems?: { seconds: number; ids?: string[]; rate?: number };
  /** Low-priority preemption: a seeded rate per node-hour and/or explicit times. Ignored on dedicated nodes. */
  preemption?: {
    ratePerNodeHour?: number;
    at?: { node: number; time: number }[];
    /** Upper bound on preemptions in one job, so a job always ends (default 20). */
    max?: number;
  };
  /** init() failures: a seeded rate per call, whole nodes, or every call. */
  initFailure?: { rate?: number; nodes?: number[]; always?: boolean };
  /**
   * The cluster's identity may not use a datastore, so mounting the step's
   * input (or its output folder) fails on every node while it prepares, before
   * any process starts: no init(), no run(), nothing scored.
   */
  datastoreAccess?: DatastoreAccessFault;
}

export interface DatastoreAccessFault {
  mount: 'input' | 'output';
  /** The exception the mount raises, e.g. a 403 authorization error. */
  error: { name: string; message: string };
}

export interface SimulateOptions {
  dataset: Dataset;
  config: ParallelRunConfig;
  entryScript: EntryScriptFactory;
  compute?: ComputeSpec | undefined;
  seed?: number | undefined;
  faults?: FaultPlan | undefined;
}

export type SystemFailureRule = 'init_per_node' | 'init_job_wide' | 'init_no_progress' | 'datastore_access' | 'output_exists';

/** Why a job failed, in machine-readable form (failureReason is the prose). */
export type FailureCause =
  | { kind: 'threshold'; thresholds: ThresholdName[] }
  | { kind: 'system'; rule: SystemFailureRule };

export interface NodeTimeline {
  node: number;
  requestedAt: number;
  /** Null if the node never became ready (preempted during start-up, or job over first). */
  readyAt: number | null;
  /** When the node left: preemption, or the end of the job. */
  endedAt: number;
  preempted: boolean;
  /** The node that replaced this one after preemption. */
  replacedBy?: number;
  initFailures: number;
}

export interface ResolvedRunSettings {
  vmSize: string;
  priority: VmPriority;
  nodeCount: number;
  processCountPerNode: number;
  miniBatchSize: number;
  miniBatchSizeUnit: 'files' | 'bytes';
  runInvocationTimeout: number;
  runMaxTry: number;
  outputAction: 'append_row' | 'summary_only';
  appendRowFileName: string;
  errorThreshold: number;
  allowedFailedCount: number | null;
  allowedFailedPercent: number | null;
  pricePerHour: number;
}

export interface ParallelRunSimulation extends ParallelRunResult {
  failure?: FailureCause;
  settings: ResolvedRunSettings;
  nodes: NodeTimeline[];
  /** Preemptions that happened (each re-queued its in-flight mini-batches). */
  preemptions: number;
}
