// Shared types of the ParallelRunStep engine. Plain data only, so a result can
// cross a Web Worker boundary as it is and tests can compare with deep equality.
import type { RowIds, RowTable, TableRows } from './dataset/row-table';

export type { RowIds, RowTable, TableRows } from './dataset/row-table';

export interface DataItem {
  id: string;
  bytes: number;
  value: unknown;
  /** The source file the item came from; a mini-batch never crosses sources. */
  source?: string;
}

export interface Dataset {
  kind: 'tabular' | 'file';
  items: DataItem[];
  /** Set when the rows are stored as columns (tableDataset): `items` is then made only when read. */
  table?: RowTable;
}

export interface MiniBatch {
  id: number;
  /** For a columnar dataset, made from the table only when read (planned batches carry `rows`). */
  items: DataItem[];
  /** The table rows of a columnar dataset's mini-batch. */
  rows?: TableRows;
}

/**
 * What a columnar run (EntryScript.runRows) returns: one result per scored
 * row, kept as typed arrays. Each becomes an output line only when someone
 * reads the file (see outputLines).
 */
export interface ScoredColumns {
  kind: 'scored_rows';
  ids: RowIds;
  /** Table row of each result. */
  rows: Uint32Array;
  /** The model's score of each result, as it came out (lines round it to 6 decimals). */
  scores: Float32Array;
  labels: Uint8Array;
}

export type OutputAction = 'append_row' | 'summary_only';

/** SDK v1 ParallelRunConfig, with the SDK's snake_case names. */
/** What a caller hands in; an optional key that is absent or undefined is not set. */
export interface ParallelRunConfig {
  /** Files per mini-batch (file dataset) or approximate bytes (tabular): 1024, "1MB", "10KB". */
  mini_batch_size?: number | string | undefined;
  /** Required. Failed items tolerated over the whole input; -1 ignores all. */
  error_threshold: number;
  /** Required. */
  output_action: OutputAction;
  node_count: number;
  process_count_per_node?: number | undefined;
  allowed_failed_count?: number | undefined;
  allowed_failed_percent?: number | undefined;
  run_invocation_timeout?: number | undefined;
  run_max_try?: number | undefined;
  append_row_file_name?: string | undefined;
}

export interface ConfigProblem {
  field: string;
  message: string;
}

export interface InitContext {
  node: number;
  process: number;
  /** The VM size of the node, e.g. "Standard_DS3_v2". */
  vmSize: string;
  /** True when this process has a GPU of its own: a GPU model fails init() without one. */
  gpu: boolean;
  cores: number;
  memoryGiB: number;
  /** Adds virtual seconds to the current call. */
  spend(seconds: number): void;
  /** Writes a line to this process's entry-script log. */
  log(message: string): void;
}

export interface RunContext extends InitContext {
  /** 1-based try number of this mini-batch. */
  attempt: number;
  miniBatchId: number;
}

/** The score.py analogue: init() once per process, run() once per mini-batch attempt. */
export interface EntryScript {
  init?(ctx: InitContext): void | Promise<void>;
  run(items: DataItem[], ctx: RunContext): unknown[] | Promise<unknown[]>;
  /**
   * The columnar path, used instead of run() when the mini-batch's rows are
   * stored as a table: same contract (one result per processed row), no
   * per-row objects.
   */
  runRows?(rows: TableRows, ctx: RunContext): ScoredColumns | Promise<ScoredColumns>;
}

export type EntryScriptFactory = () => EntryScript;

export type AttemptOutcome = 'succeeded' | 'exception' | 'timeout' | 'oom' | 'preempted';

export interface Attempt {
  node: number;
  process: number;
  start: number;
  end: number;
  outcome: AttemptOutcome;
  error?: string;
}

export type MiniBatchStatus = 'succeeded' | 'failed' | 'not_run';

export interface MiniBatchResult {
  id: number;
  /** The mini-batch holds items firstItem .. firstItem + itemCount - 1 of the input, in order (ids: miniBatchItemIds). */
  firstItem: number;
  itemCount: number;
  status: MiniBatchStatus;
  attempts: Attempt[];
  /** Items that run() returned a result for (0 unless the mini-batch ran). */
  itemsSucceeded: number;
  itemsFailed: number;
}

export interface RunCounts {
  items: number;
  itemsSucceeded: number;
  itemsFailed: number;
  itemsNotRun: number;
  miniBatches: number;
  miniBatchesSucceeded: number;
  miniBatchesFailed: number;
  miniBatchesNotRun: number;
}

export interface ParallelRunResult {
  status: 'Completed' | 'Failed';
  failureReason?: string;
  counts: RunCounts;
  miniBatches: MiniBatchResult[];
  /**
   * The append_row file (null with summary_only). `partial` marks a failed
   * job's lines: Azure generates the file only when the job completes.
   */
  output: OutputFile | null;
  logs: Record<string, string>;
  /** Virtual seconds, node start-up included. */
  durationSeconds: number;
  costUsd: number;
}

/** One mini-batch's returned results: a list (one line per element) or scored columns. */
export type OutputPart = readonly unknown[] | ScoredColumns;

/**
 * The append_row file, kept as the results came back, in mini-batch order.
 * Lines are formatted only when read (outputLines, outputChunks).
 */
export interface OutputFile {
  fileName: string;
  lineCount: number;
  parts: OutputPart[];
  partial?: boolean;
}
