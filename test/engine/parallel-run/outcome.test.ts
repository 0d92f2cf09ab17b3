// One definition of how a mini-batch ended, and the failures that happen
// before any mini-batch runs (datastore mounts) or in init().
import { describe, expect, it } from 'vitest';
import {
  countOutcomes,
  describeMiniBatches,
  LOG_PATHS,
  miniBatchOutcome,
  plural,
  simulateParallelRun,
  stderrLogPath,
  validateParallelRunConfig,
} from '@/engine/parallel-run/index';
import type { EntryScriptFactory } from '@/engine/types';
import { config, echo, outputOf, rows, tabular } from './helpers';

/** Returns one result fewer than it got for every mini-batch holding r3 (a "short return"). */
const dropsR3: EntryScriptFactory = () => ({ run: (items) => items.filter((i) => i.id !== 'r3').map((i) => ({ id: i.id })) });

describe('mini-batch outcomes', () => {
  it('tells a short return from a mini-batch whose every try failed, and counts agree with RunCounts', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(40)),
      config: config({ run_max_try: 2 }),
      entryScript: dropsR3,
      faults: { failingMiniBatches: [{ id: 2 }] },
    });
    const outcomes = countOutcomes(result.miniBatches);
    expect(miniBatchOutcome(result.miniBatches[0]!)).toBe('short_return');
    expect(miniBatchOutcome(result.miniBatches[2]!)).toBe('tries_exhausted');
    expect(outcomes).toEqual({ succeeded: 2, short_return: 1, tries_exhausted: 1, not_run: 0 });
    expect(outcomes.short_return + outcomes.tries_exhausted).toBe(result.counts.miniBatchesFailed);
    expect(outcomes.succeeded).toBe(result.counts.miniBatchesSucceeded);
    // job_result.txt uses the same words as the lab's panels.
    expect(result.logs[LOG_PATHS.result]).toContain(`Mini-batches: ${describeMiniBatches(result.counts, outcomes)}`);
    expect(describeMiniBatches(result.counts, outcomes)).toBe('2 succeeded, 2 failed (1 short return, 1 every try failed), 0 not run; 4 in all');
  });

  it('counts mini-batches a threshold abort left queued as not run', async () => {
    const result = await simulateParallelRun({ dataset: tabular(rows(200)), config: config({ error_threshold: 0 }), entryScript: dropsR3 });
    const outcomes = countOutcomes(result.miniBatches);
    expect(result.status).toBe('Failed');
    expect(outcomes.not_run).toBe(result.counts.miniBatchesNotRun);
    expect(outcomes.not_run).toBeGreaterThan(0);
  });

  it('writes plurals right', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(2, 'item')).toBe('2 items');
    expect(plural(1, 'process', 'processes')).toBe('1 process');
    expect(plural(0, 'process', 'processes')).toBe('0 processes');
  });
});

describe('failures before run()', () => {
  it('a datastore the cluster may not read fails the job while mounting, before any init() or run(), with the 403', async () => {
    let inits = 0;
    let runs = 0;
    const counting: EntryScriptFactory = () => ({ init: () => void inits++, run: (items) => (runs++, items) });
    const result = await simulateParallelRun({
      dataset: tabular(rows(50)),
      config: config({ node_count: 2 }),
      entryScript: counting,
      faults: { datastoreAccess: { mount: 'input', error: { name: 'UserErrorException', message: '403 AuthorizationPermissionMismatch' } } },
    });
    expect(result.status).toBe('Failed');
    expect(result.failure).toEqual({ kind: 'system', rule: 'datastore_access' });
    expect(result.failureReason).toMatch(/mounting the input dataset failed on node-\d before any process started.*403/);
    expect([inits, runs]).toEqual([0, 0]);
    expect(result.counts.itemsSucceeded).toBe(0);
    expect(outputOf(result)).toEqual({ fileName: 'parallel_run_step.txt', lines: [], partial: true });
    expect(result.logs[LOG_PATHS.errors]).toMatch(/403/);
    expect(Object.keys(result.logs).some((path) => path.startsWith('logs/user/'))).toBe(false);
  });

  it('names the init() error in the system error and writes a traceback to the process stderr log', async () => {
    const missing: EntryScriptFactory = () => ({
      init: () => {
        const error = new Error("No module named 'onnxruntime'");
        error.name = 'ModuleNotFoundError';
        throw error;
      },
      run: (items) => items,
    });
    const result = await simulateParallelRun({ dataset: tabular(rows(20)), config: config(), entryScript: missing });
    expect(result.failureReason).toMatch(/^System error: init\(\) kept failing with ModuleNotFoundError: No module named 'onnxruntime'; every node stopped retrying/);
    expect(result.logs[stderrLogPath(0, 0)]).toMatch(/Traceback[\s\S]*in init\nModuleNotFoundError/);
  });

  it('marks a failed job’s append_row lines partial, and a completed job’s not', async () => {
    const failed = await simulateParallelRun({ dataset: tabular(rows(200)), config: config({ error_threshold: 0 }), entryScript: dropsR3 });
    expect(failed.output?.partial).toBe(true);
    expect(failed.logs[LOG_PATHS.result]).toMatch(/was not generated/);
    const done = await simulateParallelRun({ dataset: tabular(rows(20)), config: config(), entryScript: echo });
    expect(done.output?.partial).toBeUndefined();
    expect(done.logs[LOG_PATHS.progress]).toMatch(/Concatenating the append_row output: 20 lines/);
  });
});

describe('range messages name the broken bound', () => {
  const message = (field: string, value: unknown) => validateParallelRunConfig({ ...config(), [field]: value }).find((p) => p.field === field)?.message;

  it('says too small or too large, not only what is allowed', () => {
    expect(message('process_count_per_node', 1e9)).toMatch(/is 1000000000; it must be an integer from 1 to 16, so 1000000000 is above the maximum/);
    expect(message('node_count', -5)).toMatch(/is -5; it must be an integer of at least 1 node, so -5 is below the minimum/);
    expect(message('process_count_per_node', 'abc')).toMatch(/is "abc"; it must be an integer of at least 1 process$/);
  });
});
