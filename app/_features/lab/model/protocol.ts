// Messages between the lab's stores and the worker, and the chart-ready view
// the worker sends back. The worker reduces the engine's result to this view
// so the main thread receives little and computes almost nothing.
import type { AttemptOutcome, FailureCause, NodeTimeline, OutcomeCounts, ResolvedRunSettings, RunCounts } from '@/engine/index';
import type { ScenarioSpec } from './scenario';
import type { LabSettings } from './settings';

export type SweepKind = 'node_count' | 'mini_batch_size';

export interface RunRequest {
  type: 'run';
  /** Which widget asked: each keeps its own latest request. */
  channel: string;
  id: number;
  settings: LabSettings;
  scenario: ScenarioSpec;
  /** Sweeps to run after the main result, in this order. */
  sweeps: SweepKind[];
}

/** The full append_row file of a result; it stays in the worker until asked for (it can be megabytes). */
export interface OutputRequest {
  type: 'output';
  channel: string;
  /** The run whose file is wanted. */
  id: number;
}

export type WorkerRequest = RunRequest | OutputRequest;

/** The append_row file as UTF-8 chunks, each ending in a newline (a million lines never become one string). */
export interface OutputChunks {
  fileName: string;
  chunks: ArrayBuffer[];
}

/** What the worker is doing for a request, in order ('runtime': loading onnxruntime, first tabular run only). */
export type ProgressPhase = 'model' | 'data' | 'runtime' | 'simulate' | 'view' | 'sweep';

export type WorkerMessage =
  /** `fraction` 0..1, or null while the phase cannot measure itself (the bar then shows activity, not a share). */
  | { type: 'progress'; channel: string; id: number; phase: ProgressPhase; fraction: number | null }
  | { type: 'result'; channel: string; id: number; view: LabView; timings?: Record<string, number> }
  | { type: 'quality'; channel: string; id: number; quality: QualityView | null }
  | { type: 'sweep'; channel: string; id: number; kind: SweepKind; points: SweepPoint[] }
  | { type: 'output'; channel: string; id: number; file: OutputChunks | null }
  | { type: 'error'; channel: string; id: number; message: string };

/** How an attempt is drawn: an engine outcome, or one of the lab's readings of it. */
export type SegmentCategory = AttemptOutcome | 'partial' | 'retried';

export interface GanttLane {
  index: number;
  node: number;
  process: number;
  /** "node-0/process000", as in processed_mini-batches.csv. */
  label: string;
  gpu: boolean;
}

export interface GanttSegment {
  lane: number;
  start: number;
  end: number;
  category: SegmentCategory;
  /** First and last mini-batch id covered (equal unless consecutive attempts were merged). */
  firstBatch: number;
  lastBatch: number;
  /** Attempts drawn as this segment. */
  attempts: number;
  /** Try number of a single attempt (0 when merged). */
  attempt: number;
  error?: string;
}

export interface TimePoint {
  t: number;
  succeeded: number;
  failed: number;
  failedBatches: number;
}

export interface RocPoint {
  threshold: number;
  fpr: number;
  tpr: number;
}

export interface QualityView {
  auc: number;
  /** The model's own decision threshold (ONNX metadata). */
  modelThreshold: number;
  /** Scored rows with a ground-truth label, aligned. Scores are the model's probabilities. */
  scores: Float32Array;
  labels: Uint8Array;
  roc: RocPoint[];
}

export interface OutputView {
  fileName: string;
  lineCount: number;
  preview: string[];
  /** A failed job's lines: Azure generates the file only for a completed job, so these are the simulator's. */
  partial: boolean;
}

export interface LabView {
  status: 'Completed' | 'Failed';
  failureReason?: string;
  failureKind?: 'threshold' | 'system';
  /** Which rule failed the job (the threshold names or the system rule). */
  failure?: FailureCause;
  /** The failed thresholds by the dialect's own names (v2 only). */
  failedSettings?: string[];
  counts: RunCounts;
  /** How each mini-batch ended, from the engine's one definition (miniBatchOutcome). */
  outcomes: OutcomeCounts;
  /** run() attempts per timeline category, counted before bars are merged. */
  attemptCounts: Partial<Record<SegmentCategory, number>>;
  durationSeconds: number;
  costUsd: number;
  preemptions: number;
  settings: ResolvedRunSettings;
  datasetKind: 'tabular' | 'file';
  lanes: GanttLane[];
  nodes: NodeTimeline[];
  segments: GanttSegment[];
  /** True when consecutive attempts of a lane were merged to keep the chart light. */
  merged: boolean;
  /** When the first node was ready (null if none ever was). */
  firstReadyAt: number | null;
  progress: TimePoint[];
  /** Sorted virtual times at which something visible happens, for Step. */
  eventTimes: number[];
  logs: Record<string, string>;
  output: OutputView | null;
  /** Items and bytes of each mini-batch as planned, in id order (for the splitter). */
  batchItems: number[];
  batchBytes: number[];
}

export interface SweepPoint {
  /** The swept value as the SDK would take it (a node count, "64KB", 10 files). */
  label: string;
  value: number;
  status: 'Completed' | 'Failed' | 'Invalid';
  durationSeconds: number;
  costUsd: number;
  failedItems: number;
  miniBatches: number;
  /** When the first node was ready: the start-up every run pays before any work (0 for an invalid point). */
  startupSeconds: number;
  /** True for the point that matches the current settings. */
  current: boolean;
}
