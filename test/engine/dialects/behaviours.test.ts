// One test per behaviour that differs between the dialects: each is simulated
// by the core (its rules), not only named differently.
import { describe, expect, it } from 'vitest';
import { LOG_PATHS, simulateDialectJob, simulateParallelRun, type Dialect } from '@/engine/index';
import type { Dataset, EntryScriptFactory } from '@/engine/types';
import { miniBatchItemIds, type FaultPlan } from '@/engine/parallel-run/index';
import { outputOf } from '../parallel-run/helpers';
import { dropsOne, echo, files, rowsOf, slow, tabular, threePerInput } from './helpers';

const run = (dialect: Dialect, config: unknown, dataset: Dataset, entryScript: EntryScriptFactory = echo, extra: { faults?: FaultPlan; existingOutputs?: string[] } = {}) =>
  simulateDialectJob({ dialect, config, dataset, entryScript, seed: 3, ...extra });

const V1 = { error_threshold: -1, output_action: 'append_row', node_count: 1 };
const PARALLEL_APPEND = { task: { append_row_to: '${{outputs.scores}}' } };

describe('file-level distribution (batch deployments)', () => {
  const data = tabular(rowsOf('big.csv', 5000), rowsOf('small.csv', 3), rowsOf('tiny.csv', 1));

  it('hands run() whole files, however big, where a parallel job splits by size', async () => {
    const batch = await run('v2-batch-deployment', { settings: { mini_batch_size: 1 } }, data);
    expect(batch.miniBatches.map((b) => b.itemCount)).toEqual([5000, 3, 1]);
    expect(batch.settings).toMatchObject({ miniBatchSize: 1, miniBatchSizeUnit: 'files' });
    const parallel = await run('v2-parallel', { mini_batch_size: '100 kb' }, data);
    expect(parallel.miniBatches.length).toBeGreaterThan(3);
    expect(parallel.settings.miniBatchSizeUnit).toBe('bytes');
  });

  it('counts files, not sizes, for a file input too', async () => {
    const input = files([10, 5_000_000, 20, 30, 40]);
    const batch = await run('v2-batch-deployment', { settings: { mini_batch_size: 2 } }, input);
    expect(batch.miniBatches.map((b) => miniBatchItemIds(input, b))).toEqual([['file0.csv', 'file1.csv'], ['file2.csv', 'file3.csv'], ['file4.csv']]);
  });

  it('counts failed files against settings.error_threshold', async () => {
    const data2 = tabular(rowsOf('a.csv', 50), rowsOf('b.csv', 50), rowsOf('c.csv', 50));
    const result = await run('v2-batch-deployment', { settings: { mini_batch_size: 2, error_threshold: 1 } }, data2, echo, { faults: { failingMiniBatches: [{ id: 0 }] } });
    expect(result.status).toBe('Failed');
    expect(result.failedSettings).toEqual(['settings.error_threshold']);
    expect(result.failureReason).toBe('settings.error_threshold exceeded: 2 failed files is above the limit of 1');
  });
});

describe('output cardinality', () => {
  const data = files([100, 100, 100, 100]);

  it('v1 and the parallel job fail a mini-batch that returns fewer results than inputs', async () => {
    for (const [dialect, config] of [['v1', { ...V1, mini_batch_size: 2 }], ['v2-parallel', { ...PARALLEL_APPEND, mini_batch_size: 2 }]] as const) {
      const result = await run(dialect, config, data, dropsOne);
      expect(result.miniBatches.map((b) => b.status)).toEqual(['failed', 'failed']);
      expect(result.counts).toMatchObject({ itemsSucceeded: 2, itemsFailed: 2 });
    }
  });

  it('a batch deployment has no such rule: fewer or more rows than files both succeed', async () => {
    const fewer = await run('v2-batch-deployment', { settings: { mini_batch_size: 2 } }, data, dropsOne);
    expect(fewer.miniBatches.map((b) => b.status)).toEqual(['succeeded', 'succeeded']);
    expect(fewer.counts).toMatchObject({ itemsSucceeded: 4, itemsFailed: 0 });
    expect(outputOf(fewer)?.lines).toHaveLength(2);
    const more = await run('v2-batch-deployment', { settings: { mini_batch_size: 2 } }, data, threePerInput);
    expect(outputOf(more)?.lines).toHaveLength(12);
    expect(more.logs[LOG_PATHS.errors]).toBe('No errors were reported by the entry script.\n');
  });
});

describe('retries in v2', () => {
  const data = files([1, 1, 1, 1]);
  const alwaysFails: FaultPlan = { failingMiniBatches: [{ id: 0 }] };

  it('fails a parallel-job mini-batch after max_retries exceptions, and counts it towards mini_batch_error_threshold', async () => {
    const result = await run('v2-parallel', { mini_batch_size: 1, mini_batch_error_threshold: 0 }, data, echo, { faults: alwaysFails });
    expect(result.miniBatches[0]?.attempts.map((a) => a.outcome)).toEqual(['exception', 'exception']);
    expect(result.status).toBe('Failed');
    expect(result.failedSettings).toEqual(['mini_batch_error_threshold']);
    expect(result.failureReason).toMatch(/^mini_batch_error_threshold exceeded: 1 failed mini-batch is above the limit of 0/);
  });

  it('ignores the failed mini-batch under the default mini_batch_error_threshold of -1', async () => {
    const result = await run('v2-parallel', { mini_batch_size: 1 }, data, echo, { faults: alwaysFails });
    expect(result.status).toBe('Completed');
    expect(result.counts.miniBatchesFailed).toBe(1);
  });

  it('fails after max_retries timeouts, naming retry_settings.timeout', async () => {
    const result = await run('v2-parallel', { mini_batch_size: 4, retry_settings: { max_retries: 3, timeout: 5 } }, data, slow(10));
    expect(result.miniBatches[0]?.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(result.miniBatches[0]?.attempts[0]?.error).toMatch(/^run\(\) needed 10\.\d+ s, more than retry_settings\.timeout = 5 s$/);
  });

  it('gives a batch deployment 3 tries of at most 30 s by default', async () => {
    const result = await run('v2-batch-deployment', {}, data, slow(40));
    expect(result.miniBatches[0]?.attempts).toHaveLength(3);
    expect(result.miniBatches[0]?.attempts[0]?.error).toMatch(/more than settings\.retry_settings\.timeout = 30 s$/);
  });

  it('keeps v1 at run_max_try = 3 tries', async () => {
    const result = await run('v1', { ...V1, mini_batch_size: 1 }, data, echo, { faults: alwaysFails });
    expect(result.miniBatches[0]?.attempts).toHaveLength(3);
  });
});

describe('an existing predictions.csv is never overwritten', () => {
  const data = files([1, 1, 1]);

  it('fails a batch deployment job whose output file is already there, and says why', async () => {
    const result = await run('v2-batch-deployment', {}, data, echo, { existingOutputs: ['predictions.csv'] });
    expect(result.status).toBe('Failed');
    expect(result.failure).toEqual({ kind: 'system', rule: 'output_exists' });
    expect(result.failureReason).toMatch(/predictions\.csv is already in the output location and is never overwritten/);
    expect(result.logs[LOG_PATHS.errors]).toMatch(/predictions\.csv already exists in the output location/);
    expect(result.output?.partial).toBe(true);
    expect(result.logs[LOG_PATHS.result]).toMatch(/Output: predictions\.csv was already there and is left as it was; the 3 new lines were not written/);
  });

  it('completes when the job writes another file name, or no file at all', async () => {
    const other = await run('v2-batch-deployment', { settings: { output_file_name: 'run-2.csv' } }, data, echo, { existingOutputs: ['predictions.csv'] });
    expect(other.status).toBe('Completed');
    expect(other.output?.fileName).toBe('run-2.csv');
    const summary = await run('v2-batch-deployment', { settings: { output_action: 'summary_only' } }, data, echo, { existingOutputs: ['predictions.csv'] });
    expect(summary.status).toBe('Completed');
  });

  it('leaves v1 as it was: the docs say nothing, so the file is written', async () => {
    const result = await run('v1', V1, data, echo, { existingOutputs: ['parallel_run_step.txt'] });
    expect(result.status).toBe('Completed');
  });
});

describe('v1 through the dialect API', () => {
  it('is simulateParallelRun, with the dialect fields added', async () => {
    const dataset = tabular(rowsOf('a.csv', 40), rowsOf('b.csv', 25));
    const config = { ...V1, mini_batch_size: 1000, process_count_per_node: 2, error_threshold: 3 };
    const faults: FaultPlan = { exceptionRate: 0.3 };
    const direct = await simulateParallelRun({ dataset, config: { ...config, output_action: 'append_row' }, entryScript: dropsOne, faults, seed: 3 });
    const { dialect, dialectSettings, failedSettings, ...core } = await run('v1', { ...config, logging_level: 'DEBUG' }, dataset, dropsOne, { faults });
    expect(core).toEqual(direct);
    expect(dialect).toBe('v1');
    expect(dialectSettings.loggingLevel).toBe('DEBUG');
    expect(failedSettings).toEqual(direct.failure?.kind === 'threshold' ? direct.failure.thresholds : undefined);
  });
});

describe('names in the logs', () => {
  it('keeps Azure\'s log paths in every dialect and writes predictions.csv for v2', async () => {
    const data = files([1, 1]);
    for (const dialect of ['v2-parallel', 'v2-batch-deployment'] as const) {
      const result = await run(dialect, dialect === 'v2-parallel' ? PARALLEL_APPEND : {}, data);
      for (const path of Object.values(LOG_PATHS)) expect(result.logs).toHaveProperty([path]);
      expect(result.logs[LOG_PATHS.result]).toMatch(/appended to predictions\.csv/);
    }
  });

  it('names the init() limits with the dialect\'s settings', async () => {
    const result = await run('v2-batch-deployment', {}, files([1, 1]), echo, { faults: { initFailure: { always: true } } });
    expect(result.failureReason).toMatch(/3 × settings\.max_concurrency_per_instance/);
  });
});
