// The lab's worker runs each SDK dialect on the one engine core: what differs
// between them is simulated (file-level mini-batches, cardinality, defaults),
// and the logs use the dialect's own names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabView } from '@/app/_features/lab/model/protocol';
import type { LabSettings } from '@/app/_features/lab/model/settings';
import { labBase } from '@/app/_features/lab/model/url';
import { sharedSessionOrt } from '@/app/_features/lab/worker/entry-scripts';
import { ROWS_PER_FILE } from '@/app/_features/lab/worker/lab-data';
import { LabRunner, type RunHooks } from '@/app/_features/lab/worker/lab-runner';
import { loadOrt } from '@/engine/index';

const root = join(import.meta.dirname, '..', '..', '..', '..', '..');
const runner = new LabRunner({
  loadModel: async () => new Uint8Array(readFileSync(join(root, 'public/models/credit-risk.onnx'))),
  loadSensorBundle: async () => JSON.parse(readFileSync(join(root, 'public/data/sensor-files.json'), 'utf8')),
  ort: sharedSessionOrt(() => loadOrt()),
});
const hooks: RunHooks = { progress: () => {}, isStale: () => false, yieldNow: async () => {} };
const run = async (settings: LabSettings): Promise<LabView> => (await runner.run(settings, {}, hooks)).view;
const rows = 20_000;

describe('the lab in each SDK dialect', () => {
  it('a batch deployment hands run() whole CSV files, accepts short returns and writes predictions.csv', async () => {
    const view = await run({ ...labBase('v2-batch-deployment', 'tabular'), rows, mini_batch_size: '4', process_count_per_node: '2' });
    expect(view.status).toBe('Completed');
    expect(view.counts.miniBatches).toBe(Math.ceil(rows / ROWS_PER_FILE / 4));
    expect(view.settings).toMatchObject({ miniBatchSizeUnit: 'files', processCountPerNode: 2, runInvocationTimeout: 30, runMaxTry: 3 });
    // The corrupt rows are skipped by score.py; with no cardinality rule that fails nothing.
    expect(view.counts.miniBatchesFailed).toBe(0);
    expect(view.output?.fileName).toBe('predictions.csv');
    expect(view.output?.lineCount).toBeLessThan(rows);
    expect(view.logs['logs/job_progress_overview.txt']).toMatch(/mini-batches created \(settings\.mini_batch_size 4 files\)/);
  });

  it('a parallel job keeps v1’s cardinality rule: short returns fail their mini-batches', async () => {
    const view = await run({ ...labBase('v2-parallel', 'tabular'), rows });
    expect(view.status).toBe('Completed');
    expect(view.counts.miniBatchesFailed).toBeGreaterThan(0);
    expect(view.settings.runMaxTry).toBe(2);
    expect(view.output?.fileName).toBe('predictions.csv');
  });

  it('names the dialect’s own setting when a threshold fails the job', async () => {
    const view = await run({ ...labBase('v2-parallel', 'tabular'), rows, error_threshold: '2' });
    expect(view.status).toBe('Failed');
    expect(view.failedSettings).toEqual(['--error_threshold']);
    expect(view.logs['logs/job_result.txt']).toMatch(/--error_threshold/);
  });
});
