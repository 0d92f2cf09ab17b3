// The virtual-time view of a job: a record simulated once, read at any
// instant. Pure, so the whole life of a job is walked without a clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchJobRecord, MiniBatchTimeline } from '@/app/api/batch-endpoints/_server/job-record';
import { countsAt, downloadAt, jobViewAt, logsAt, statusAt, virtualSecondsAt } from '@/app/api/batch-endpoints/_server/job-view';
import { resolveJobRequest } from '@/app/api/batch-endpoints/_server/request';
import { applicantFiles, runBatchJob } from '@/app/api/batch-endpoints/_server/run-job';

const batch = (startedAt: number | null, finishedAt: number | null, status: MiniBatchTimeline['status'], items = 10, failed = 0): MiniBatchTimeline => ({
  items,
  startedAt,
  finishedAt,
  status,
  itemsSucceeded: status === 'not_run' ? 0 : items - failed,
  itemsFailed: status === 'not_run' ? 0 : failed,
});

function record(overrides: Partial<BatchJobRecord> = {}): BatchJobRecord {
  const miniBatches = [batch(100, 110, 'succeeded'), batch(100, 130, 'failed', 10, 10), batch(110, 120, 'succeeded', 10, 2), batch(null, null, 'not_run')];
  return {
    id: 'batchjob-00000000-0000-0000-0000-000000000000',
    endpoint: 'credit-risk',
    deployment: 'credit-risk-onnx',
    createdAt: '2026-12-07T12:00:00.000Z',
    startedAtMs: 1_000_000,
    timeScale: 100,
    input: { rows: 1000, files: 4, corrupt: 0, seed: 1, fileNames: { first: 'applicants-0001.csv', last: 'applicants-0004.csv' } },
    settingsInEffect: {},
    overridden: [],
    outputPath: 'azureml://datastores/workspaceblobstore/paths/x/',
    outputFileName: 'predictions.csv',
    outputAction: 'append_row',
    final: {
      status: 'Completed',
      durationSeconds: 140,
      costUsd: 0.01,
      counts: { items: 40, itemsSucceeded: 18, itemsFailed: 12, itemsNotRun: 10, miniBatches: 4, miniBatchesSucceeded: 2, miniBatchesFailed: 1, miniBatchesNotRun: 1 },
    },
    firstNodeReadyAt: 95,
    miniBatches,
    logs: {
      'logs/job_progress_overview.txt': '[95.000s] 4 mini-batches created.\n[110.000s] 1 of 4 processed.\n[140.000s] Job result: Completed\n',
      'logs/job_error.txt': '[130.000s] mini-batch 1 failed:\nTraceback (most recent call last):\n  boom\n[131.000s] later\n',
      'logs/job_result.txt': 'Status: Completed\n',
    },
    output: ['cr-1,0.1,0,applicants-0001.csv'],
    rowsReturned: 1,
    ...overrides,
  };
}

describe('virtualSecondsAt', () => {
  it('runs the job clock at timeScale virtual seconds per real second from the moment it was accepted', () => {
    expect(virtualSecondsAt({ startedAtMs: 1000, timeScale: 100 }, 1000)).toBe(0);
    expect(virtualSecondsAt({ startedAtMs: 1000, timeScale: 100 }, 3500)).toBe(250);
    expect(virtualSecondsAt({ startedAtMs: 1000, timeScale: 100 }, 0)).toBe(0); // a clock step back never un-starts a job
  });
});

describe('statusAt', () => {
  it('is Preparing until the first instance is ready, Running until the end, then the final status', () => {
    const r = record();
    expect(statusAt(r, 0)).toBe('Preparing');
    expect(statusAt(r, 94.9)).toBe('Preparing');
    expect(statusAt(r, 95)).toBe('Running');
    expect(statusAt(r, 139.9)).toBe('Running');
    expect(statusAt(r, 140)).toBe('Completed');
    expect(statusAt(record({ final: { ...r.final, status: 'Failed' } }), 1e9)).toBe('Failed');
  });

  it('stays Preparing for a job whose instances never became ready', () => {
    expect(statusAt(record({ firstNodeReadyAt: null }), 139)).toBe('Preparing');
  });
});

describe('countsAt', () => {
  it('counts a mini-batch once its last try has ended, and as running while a try is under way', () => {
    const r = record();
    expect(countsAt(r, 50).mini_batches).toEqual({ total: 4, succeeded: 0, failed: 0, running: 0, pending: 4, not_run: 0 });
    expect(countsAt(r, 105).mini_batches).toEqual({ total: 4, succeeded: 0, failed: 0, running: 2, pending: 2, not_run: 0 });
    expect(countsAt(r, 115)).toEqual({
      mini_batches: { total: 4, succeeded: 1, failed: 0, running: 2, pending: 1, not_run: 0 },
      items: { total: 40, succeeded: 10, failed: 0, not_run: 0 },
    });
    expect(countsAt(r, 135).items).toEqual({ total: 40, succeeded: 18, failed: 12, not_run: 0 });
  });

  it("at the end agrees with the engine's counts, with what never ran as not_run", () => {
    const r = record();
    const end = countsAt(r, 140);
    expect(end.mini_batches).toEqual({ total: 4, succeeded: 2, failed: 1, running: 0, pending: 0, not_run: 1 });
    expect(end.items).toEqual({ total: 40, succeeded: r.final.counts.itemsSucceeded, failed: r.final.counts.itemsFailed, not_run: r.final.counts.itemsNotRun });
  });
});

describe('logsAt', () => {
  it('cuts stamped logs at the virtual time, keeping unstamped lines with the line before them', () => {
    const { logs, pending } = logsAt(record().logs, 130, false);
    expect(logs['logs/job_progress_overview.txt']).toBe('[95.000s] 4 mini-batches created.\n[110.000s] 1 of 4 processed.\n');
    expect(logs['logs/job_error.txt']).toBe('[130.000s] mini-batch 1 failed:\nTraceback (most recent call last):\n  boom\n');
    expect(pending).toEqual(['logs/job_result.txt']);
  });

  it('leaves out a stamped log with nothing written yet, and gives every log at the end', () => {
    expect(Object.keys(logsAt(record().logs, 10, false).logs)).toEqual([]);
    expect(logsAt(record().logs, 140, true)).toEqual({ logs: record().logs, pending: [] });
  });
});

describe('downloadAt', () => {
  it('is running until the end, then ready with the URL of the output file', () => {
    expect(downloadAt(record(), 139)).toMatchObject({ state: 'running', url: null, reason: expect.stringMatching(/Running; Azure generates predictions\.csv when the job completes/) });
    expect(downloadAt(record(), 140)).toMatchObject({ state: 'ready', url: '/api/batch-endpoints/credit-risk/jobs/batchjob-00000000-0000-0000-0000-000000000000/predictions.csv' });
  });

  it('explains summary_only, a failed job and an output file that was already there', () => {
    expect(downloadAt(record({ outputAction: 'summary_only', output: null }), 0)).toMatchObject({ state: 'none', reason: expect.stringMatching(/summary_only/) });
    const failed = record({ output: null, final: { ...record().final, status: 'Failed', failureReason: 'settings.error_threshold exceeded' } });
    expect(downloadAt(failed, 200).reason).toMatch(/job failed \(settings\.error_threshold exceeded\), and a failed job never generates predictions\.csv/);
    const kept = record({ output: null, rowsReturned: 7, final: { ...record().final, status: 'Failed', failureCause: 'output_exists' } });
    expect(downloadAt(kept, 200).reason).toMatch(/already in azureml:.*never overwritten, so this job's 7 rows were not written/);
  });
});

describe('jobViewAt with a real job', () => {
  const model = new Uint8Array(readFileSync(join(process.cwd(), 'public', 'models', 'credit-risk.onnx')));
  let job: BatchJobRecord;

  beforeAll(async () => {
    const resolved = resolveJobRequest({ input: { rows: 3000, files: 6, corrupt: 0.05, seed: 4 }, mini_batch_size: 1, instance_count: 1, max_concurrency_per_instance: 2 });
    if (!resolved.ok) throw new Error(resolved.error);
    job = await runBatchJob({ id: 'batchjob-11111111-1111-1111-1111-111111111111', spec: resolved.spec, modelBytes: model, outputPath: 'azureml://datastores/w/paths/t/', existingOutputs: [], createdAt: 'now', timeScale: 100, now: () => 0 });
  });

  it('splits the rows into whole files, one source name each', () => {
    const dataset = applicantFiles({ rows: 1000, files: 3, corrupt: 0, seed: 1 });
    const sizes = new Map<string, number>();
    for (const item of dataset.items) sizes.set(item.source!, (sizes.get(item.source!) ?? 0) + 1);
    expect([...sizes]).toEqual([['applicants-0001.csv', 333], ['applicants-0002.csv', 333], ['applicants-0003.csv', 334]]);
  });

  it('moves through Preparing and Running to Completed, its counts never going back', () => {
    const end = job.final.durationSeconds;
    const times = Array.from({ length: 60 }, (_, i) => (end * i) / 50);
    const views = times.map((t) => jobViewAt(job, t));
    expect(views[0]!.status).toBe('Preparing');
    expect(views.some((v) => v.status === 'Running')).toBe(true);
    expect(views.at(-1)!.status).toBe('Completed');
    for (let i = 1; i < views.length; i++) {
      expect(views[i]!.counts.items.succeeded).toBeGreaterThanOrEqual(views[i - 1]!.counts.items.succeeded);
      expect(views[i]!.counts.mini_batches.succeeded + views[i]!.counts.mini_batches.failed).toBeGreaterThanOrEqual(views[i - 1]!.counts.mini_batches.succeeded + views[i - 1]!.counts.mini_batches.failed);
    }
  });

  it('at the end shows one mini-batch per file, the final logs and the rows written', () => {
    const view = jobViewAt(job, job.final.durationSeconds);
    expect(view.counts.mini_batches).toMatchObject({ total: 6, succeeded: 6, failed: 0 });
    expect(view.counts.items).toEqual({ total: 3000, succeeded: 3000, failed: 0, not_run: 0 });
    expect(view.virtual_time.duration_seconds).toBeGreaterThan(0);
    expect(view.logs['logs/job_result.txt']).toMatch(/^Status: Completed/);
    expect(Object.keys(view.logs)).toContain('logs/job_progress_overview.txt');
    expect(view.output.url).toMatch(/\/predictions\.csv$/);
    // A batch deployment has no one-result-per-input rule: the corrupted rows the script skips still count as succeeded.
    expect(job.output!.length).toBe(view.counts.rows_returned);
    expect(job.output!.length).toBeLessThan(3000);
    expect(job.output![0]).toMatch(/^cr-\d+,0\.\d+,[01],applicants-0001\.csv$/);
  });
});
