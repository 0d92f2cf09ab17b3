// Every default of every dialect, pinned against the facts sheet (§1.2, §4.1,
// §4.2) and the choices recorded in DIALECT_CONFLICTS.
import { describe, expect, it } from 'vitest';
import { parseDialectConfig, type CommonSettings, type Dialect } from '@/engine/index';

function settingsOf(dialect: Dialect, raw: unknown): CommonSettings {
  const parsed = parseDialectConfig(dialect, raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

const V1_REQUIRED = { error_threshold: 10, output_action: 'append_row', node_count: 2 };

describe('v1 defaults (ParallelRunConfig)', () => {
  const s = settingsOf('v1', V1_REQUIRED);
  it('keeps run_max_try 3, run_invocation_timeout 60 and logging_level INFO', () => {
    expect(s).toMatchObject({ maxTries: 3, timeoutSeconds: 60, loggingLevel: 'INFO' });
  });
  it('writes parallel_run_step.txt and leaves the thresholds that were not set unchecked', () => {
    expect(s).toMatchObject({ outputFileName: 'parallel_run_step.txt', failedMiniBatchLimit: null, failedPercentLimit: null });
  });
  it('leaves process_count_per_node and mini_batch_size to the service and the input', () => {
    expect(s.processesPerNode).toBeUndefined();
    expect(s.miniBatchSize).toBeUndefined();
  });
  it('still requires error_threshold, output_action and node_count', () => {
    const parsed = parseDialectConfig('v1', {});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toEqual(['error_threshold', 'output_action', 'node_count']);
  });
});

describe('v2-parallel defaults (parallel job)', () => {
  const s = settingsOf('v2-parallel', {});
  it('mini_batch_error_threshold and --error_threshold are both -1', () => {
    expect(s.failedMiniBatchLimit).toBe(-1);
    expect(s.itemErrorThreshold).toBe(-1);
  });
  it('--allowed_failed_percent is 100', () => expect(s.failedPercentLimit).toBe(100));
  it('retry_settings.max_retries is 2 and retry_settings.timeout 60 s', () => {
    expect(s).toMatchObject({ maxTries: 2, timeoutSeconds: 60 });
  });
  it('resources.instance_count is 1', () => expect(s.nodes).toBe(1));
  it('max_concurrency_per_instance is left to the node (1 on GPU, one per core on CPU)', () => expect(s.processesPerNode).toBeUndefined());
  it('mini_batch_size takes the chosen 10 files / 1 MB', () => expect(s.miniBatchSize).toBeUndefined());
  it('append_row_to unset means summary_only', () => expect(s.outputAction).toBe('summary_only'));
  it('with append_row_to set, rows go to predictions.csv', () => {
    const withOutput = settingsOf('v2-parallel', { task: { append_row_to: '${{outputs.scores}}' } });
    expect(withOutput).toMatchObject({ outputAction: 'append_row', outputFileName: 'predictions.csv' });
  });
  it('logging_level is INFO', () => expect(s.loggingLevel).toBe('INFO'));
});

describe('v2-batch-deployment defaults (batch endpoint model deployment)', () => {
  const s = settingsOf('v2-batch-deployment', {});
  it('resources.instance_count 1 and settings.max_concurrency_per_instance 1', () => {
    expect(s).toMatchObject({ nodes: 1, processesPerNode: 1 });
  });
  it('settings.mini_batch_size is 10 files', () => expect(s.miniBatchSize).toBe(10));
  it('settings.error_threshold is -1', () => expect(s.itemErrorThreshold).toBe(-1));
  it('retry_settings.max_retries is 3 and retry_settings.timeout 30 s', () => {
    expect(s).toMatchObject({ maxTries: 3, timeoutSeconds: 30 });
  });
  it('output_action append_row into predictions.csv', () => {
    expect(s).toMatchObject({ outputAction: 'append_row', outputFileName: 'predictions.csv' });
  });
  it('logging_level info, and no mini-batch or percentage threshold at all', () => {
    expect(s).toMatchObject({ loggingLevel: 'INFO', failedMiniBatchLimit: null, failedPercentLimit: null });
  });
});

describe('parallel job driver arguments', () => {
  it('reads --error_threshold and --allowed_failed_percent from task.program_arguments, beside the script\'s own', () => {
    const parsed = parseDialectConfig('v2-parallel', { task: { program_arguments: '--model_dir ${{inputs.m}} --error_threshold 50 --allowed_failed_percent=2.5' } });
    expect(parsed.ok && parsed.settings).toMatchObject({ itemErrorThreshold: 50, failedPercentLimit: 2.5 });
    expect(parsed.ok && parsed.notSimulated.map((n) => n.field)).toEqual(['--model_dir']);
  });
  it('checks the timeouts it does not simulate, and says so', () => {
    const parsed = parseDialectConfig('v2-parallel', { task: { program_arguments: '--task_overhead_timeout 30 --copy_logs_to_parent True' } });
    expect(parsed.ok && parsed.notSimulated.map((n) => n.field)).toEqual(['--task_overhead_timeout', '--copy_logs_to_parent']);
  });
});
