// What the server keeps of a finished simulation: only what the status, the
// logs and the download need, so 50 jobs of 200,000 rows do not keep 50
// datasets alive. The whole job is simulated when it is submitted; the record
// holds its virtual timeline, and the status route reads it at "now".
import type { RunCounts } from '@/engine/index';
import type { JobInput } from './request';

export type JobStatus = 'Preparing' | 'Running' | 'Completed' | 'Failed';

export interface MiniBatchTimeline {
  items: number;
  /** Virtual seconds of its first try's start; null if it never ran. */
  startedAt: number | null;
  /** Virtual seconds of its last try's end; null if it never finished. */
  finishedAt: number | null;
  status: 'succeeded' | 'failed' | 'not_run';
  itemsSucceeded: number;
  itemsFailed: number;
}

export interface BatchJobRecord {
  id: string;
  endpoint: string;
  deployment: string;
  /** Real time the request arrived (ISO). */
  createdAt: string;
  /** Real time (ms) at which virtual second 0 of the job is; the job is accepted then. */
  startedAtMs: number;
  /** Virtual seconds per real second. */
  timeScale: number;
  input: JobInput & { fileNames: { first: string; last: string } };
  settingsInEffect: Record<string, unknown>;
  overridden: string[];
  outputPath: string;
  outputFileName: string;
  outputAction: 'append_row' | 'summary_only';
  final: {
    status: 'Completed' | 'Failed';
    failureReason?: string;
    /** The engine's machine-readable cause, e.g. "output_exists" or "threshold". */
    failureCause?: string;
    durationSeconds: number;
    costUsd: number;
    counts: RunCounts;
  };
  /** Virtual seconds at which the first instance was ready; null if none ever was. */
  firstNodeReadyAt: number | null;
  miniBatches: MiniBatchTimeline[];
  logs: Record<string, string>;
  /** The output file's CSV lines when the job delivers one, else null. */
  output: string[] | null;
  /** Lines the entry script returned (written, or withheld when the job could not write them). */
  rowsReturned: number;
}
