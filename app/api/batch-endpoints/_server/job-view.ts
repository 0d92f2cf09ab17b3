// A job as GET shows it at one virtual instant. Pure: the record and the
// virtual time go in, the response body comes out, so tests can walk a job
// through Preparing, Running and its end without waiting for the clock.
import type { BatchJobRecord, JobStatus } from './job-record';

/** Virtual seconds elapsed at real time `nowMs`; never negative, so a clock step back cannot un-start a job. */
export function virtualSecondsAt(record: Pick<BatchJobRecord, 'startedAtMs' | 'timeScale'>, nowMs: number): number {
  return Math.max(0, ((nowMs - record.startedAtMs) / 1000) * record.timeScale);
}

/** Preparing until the first instance is ready, Running until the job's end, then its final status. */
export function statusAt(record: Pick<BatchJobRecord, 'final' | 'firstNodeReadyAt'>, t: number): JobStatus {
  if (t >= record.final.durationSeconds) return record.final.status;
  return record.firstNodeReadyAt === null || t < record.firstNodeReadyAt ? 'Preparing' : 'Running';
}

export interface JobCounts {
  mini_batches: { total: number; succeeded: number; failed: number; running: number; pending: number; not_run: number };
  items: { total: number; succeeded: number; failed: number; not_run: number };
}

/** Mini-batches and items as far as they have got by virtual second `t`; at the end, the engine's own counts. */
export function countsAt(record: Pick<BatchJobRecord, 'final' | 'miniBatches'>, t: number): JobCounts {
  const done = t >= record.final.durationSeconds;
  const mb = { total: record.miniBatches.length, succeeded: 0, failed: 0, running: 0, pending: 0, not_run: 0 };
  const items = { total: record.final.counts.items, succeeded: 0, failed: 0, not_run: 0 };
  for (const b of record.miniBatches) {
    if (b.finishedAt !== null && (done || b.finishedAt <= t)) {
      if (b.status === 'succeeded') mb.succeeded++;
      else mb.failed++;
      items.succeeded += b.itemsSucceeded;
      items.failed += b.itemsFailed;
    } else if (!done && b.startedAt !== null && b.startedAt <= t) {
      mb.running++;
    } else if (done) {
      // Once the job is over nothing is pending: what never ran is "not run".
      mb.not_run++;
      items.not_run += b.items;
    } else {
      mb.pending++;
    }
  }
  return { mini_batches: mb, items };
}

const STAMP = /^\[(\d+(?:\.\d+)?)s\] /;

/**
 * The logs written by virtual second `t`. A log whose lines carry the
 * engine's [12.345s] stamps is cut at `t` (unstamped lines, such as a
 * traceback's, go with the line before them); the rest (job_result.txt, the
 * mini-batch report) are written when the job ends, so they appear only then.
 */
export function logsAt(logs: Readonly<Record<string, string>>, t: number, done: boolean): { logs: Record<string, string>; pending: string[] } {
  if (done) return { logs: { ...logs }, pending: [] };
  const out: Record<string, string> = {};
  const pending: string[] = [];
  for (const [path, text] of Object.entries(logs)) {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length === 0 || !STAMP.test(lines[0]!)) {
      pending.push(path);
      continue;
    }
    const kept: string[] = [];
    let keep = true;
    for (const line of lines) {
      const stamp = STAMP.exec(line);
      if (stamp) keep = Number(stamp[1]) <= t;
      if (keep) kept.push(line);
    }
    if (kept.length > 0) out[path] = `${kept.join('\n')}\n`;
  }
  return { logs: out, pending };
}

export interface DownloadInfo {
  file_name: string;
  /** The route to GET the file from, once the job has delivered one. */
  url: string | null;
  /** Why there is no file (yet), when url is null. */
  reason?: string;
}

/** Why a job has (or does not have) an output file, in the words of the 404 and 409 the download route answers. */
export function downloadAt(record: BatchJobRecord, t: number): DownloadInfo & { state: 'ready' | 'running' | 'none' } {
  const fileName = record.outputFileName;
  const url = `/api/batch-endpoints/${record.endpoint}/jobs/${record.id}/${encodeURIComponent(fileName)}`;
  if (record.outputAction === 'summary_only') {
    return { state: 'none', file_name: fileName, url: null, reason: `output_action is summary_only, so the job writes no ${fileName}; only its logs say how it went` };
  }
  if (t < record.final.durationSeconds) {
    return { state: 'running', file_name: fileName, url: null, reason: `the job is ${statusAt(record, t)}; Azure generates ${fileName} when the job completes` };
  }
  if (record.output === null) {
    const why =
      record.final.failureCause === 'output_exists'
        ? `${fileName} was already in ${record.outputPath} from an earlier job and is never overwritten, so this job's ${record.rowsReturned} rows were not written`
        : `the job failed (${record.final.failureReason ?? 'see its logs'}), and a failed job never generates ${fileName}`;
    return { state: 'none', file_name: fileName, url: null, reason: why };
  }
  return { state: 'ready', file_name: fileName, url };
}

/** The body of GET /api/batch-endpoints/<endpoint>/jobs/<id> at virtual second `t`. */
export function jobViewAt(record: BatchJobRecord, t: number) {
  const status = statusAt(record, t);
  const done = t >= record.final.durationSeconds;
  const { logs, pending } = logsAt(record.logs, t, done);
  const { file_name, url, reason } = downloadAt(record, t);
  const download: DownloadInfo = reason === undefined ? { file_name, url } : { file_name, url, reason };
  return {
    id: record.id,
    endpoint: record.endpoint,
    deployment: record.deployment,
    status,
    created_at: record.createdAt,
    virtual_time: {
      elapsed_seconds: Math.round(Math.min(t, record.final.durationSeconds) * 1000) / 1000,
      // Azure cannot tell how long a job will take; the total is shown once it is over.
      ...(done && { duration_seconds: Math.round(record.final.durationSeconds * 1000) / 1000 }),
      virtual_seconds_per_real_second: record.timeScale,
    },
    ...(done && record.final.failureReason !== undefined && { failure_reason: record.final.failureReason }),
    counts: { ...countsAt(record, t), ...(done && { rows_returned: record.rowsReturned }) },
    settings: record.settingsInEffect,
    overridden: record.overridden,
    input: { rows: record.input.rows, files: record.input.files, corrupt: record.input.corrupt, seed: record.input.seed, file_names: `${record.input.fileNames.first} to ${record.input.fileNames.last}` },
    output: { path: record.outputPath, action: record.outputAction, ...download },
    ...(done && { cost_usd: Math.round(record.final.costUsd * 10_000) / 10_000 }),
    logs,
    ...(pending.length > 0 && { logs_written_at_the_end: pending }),
  };
}

export type JobView = ReturnType<typeof jobViewAt>;
