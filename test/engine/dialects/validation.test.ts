// Each dialect's messages name the field, the value and what is allowed, in
// the v1 validator's style, and point a name borrowed from another dialect at
// this dialect's own.
import { describe, expect, it } from 'vitest';
import { parseDialectConfig, type Dialect } from '@/engine/index';
import { DRIVER_ARGUMENTS } from '@/engine/dialects/program-arguments';

function messages(dialect: Dialect, raw: unknown, dataset?: { kind: 'file' | 'tabular'; items: [] }): Record<string, string> {
  const parsed = parseDialectConfig(dialect, raw, dataset ? { dataset } : {});
  if (parsed.ok) return {};
  return Object.fromEntries(parsed.problems.map((p) => [p.field, p.message]));
}

describe('v2-parallel validation', () => {
  it('names the value and the range of retry_settings', () => {
    const m = messages('v2-parallel', { retry_settings: { max_retries: 0, timeout: 259_201 } });
    expect(m['retry_settings.max_retries']).toMatch(/^retry_settings\.max_retries is 0; it must be an integer of at least 1 .*default 2.*below the minimum/);
    expect(m['retry_settings.timeout']).toMatch(/^retry_settings\.timeout is 259201; .*at most 259200 .*default 60.*above the maximum/);
  });
  it('checks the thresholds, including those in task.program_arguments', () => {
    const m = messages('v2-parallel', { mini_batch_error_threshold: -2, task: { program_arguments: '--error_threshold 1.5 --allowed_failed_percent 101' } });
    expect(m.mini_batch_error_threshold).toMatch(/is -2; it must be an integer of at least -1/);
    expect(m['--error_threshold']).toMatch(/^--error_threshold is 1\.5; it must be an integer of at least -1/);
    expect(m['--allowed_failed_percent']).toMatch(/^--allowed_failed_percent is 101; it must be a number from 0 to 100/);
  });
  it('points v1 names at their v2 counterparts', () => {
    const m = messages('v2-parallel', { node_count: 2, run_max_try: 3, error_threshold: 5, output_action: 'append_row' });
    expect(m.node_count).toBe('node_count is not a parallel job setting; the parallel job setting is resources.instance_count');
    expect(m.run_max_try).toMatch(/retry_settings\.max_retries/);
    expect(m.error_threshold).toMatch(/--error_threshold in task\.program_arguments/);
    expect(m.output_action).toMatch(/task\.append_row_to/);
  });
  it('reads mini_batch_size as files for a folder and as a size for tabular data', () => {
    expect(messages('v2-parallel', { mini_batch_size: '1mb' }, { kind: 'file', items: [] }).mini_batch_size).toMatch(/folder input .*whole number of files/);
    expect(messages('v2-parallel', { mini_batch_size: '100 kb' }, { kind: 'tabular', items: [] })).toEqual({});
    expect(messages('v2-parallel', { mini_batch_size: '1 tb' }, { kind: 'tabular', items: [] }).mini_batch_size).toMatch(/"1 tb"; for an mltable input .*"100 kb"/);
  });
  it('wants append_row_to to name an output', () => {
    expect(messages('v2-parallel', { task: { append_row_to: 'predictions.csv' } })['task.append_row_to']).toMatch(/\$\{\{outputs\.<name>\}\}/);
  });
  it('rejects an argument value without a name, and a mapping where a value belongs', () => {
    expect(messages('v2-parallel', { task: { program_arguments: '5 --error_threshold 1' } })['task.program_arguments']).toMatch(/"5" without an --argument name/);
    expect(messages('v2-parallel', { retry_settings: 3 })['retry_settings']).toMatch(/is 3; it must be a mapping/);
  });
});

describe('v2-batch-deployment validation', () => {
  it('explains that mini_batch_size counts files whatever their size', () => {
    expect(messages('v2-batch-deployment', { settings: { mini_batch_size: '1MB' } })['settings.mini_batch_size']).toMatch(/is "1MB"; .*whole files, whatever their size/);
  });
  it('names the allowed output actions and refuses a bad file name', () => {
    const m = messages('v2-batch-deployment', { settings: { output_action: 'append', output_file_name: 'a:b.csv' } });
    expect(m['settings.output_action']).toMatch(/is "append"; it must be one of 'append_row', 'summary_only'/);
    expect(m['settings.output_file_name']).toMatch(/may not contain :/);
  });
  it('has no mini-batch threshold, and says what counts instead', () => {
    expect(messages('v2-batch-deployment', { settings: { mini_batch_error_threshold: 3 } })['settings.mini_batch_error_threshold']).toMatch(/settings\.error_threshold counts failed files/);
  });
  it('points top-level keys into settings', () => {
    expect(messages('v2-batch-deployment', { mini_batch_size: 5 }).mini_batch_size).toMatch(/write it as settings\.mini_batch_size/);
  });
  it('checks the node count against the cluster', () => {
    const parsed = parseDialectConfig('v2-batch-deployment', { resources: { instance_count: 5 } }, { compute: { maxNodes: 4 } });
    expect(parsed.ok ? [] : parsed.problems).toEqual([{ field: 'resources.instance_count', message: "resources.instance_count is 5; it must be between 1 and the cluster's max_nodes 4" }]);
  });
});

describe('v1 dialect validation', () => {
  it('gives the v1 validator\'s messages unchanged, and checks logging_level', () => {
    const m = messages('v1', { error_threshold: -2, output_action: 'append_row', node_count: 1, logging_level: 'verbose' });
    expect(m.error_threshold).toBe('error_threshold is -2; it must be an integer of at least -1 (-1 ignores every failed item), so -2 is below the minimum');
    expect(m.logging_level).toMatch(/is "verbose"; it must be one of 'debug', 'info', 'warning'/);
  });
});

describe('driver argument defaults', () => {
  it('pins the documented fallbacks (600 chosen for --task_overhead_timeout)', () => {
    const fallback = Object.fromEntries(DRIVER_ARGUMENTS.map((d) => [d.name, d.fallback]));
    expect(fallback).toEqual({
      '--error_threshold': -1,
      '--allowed_failed_percent': 100,
      '--task_overhead_timeout': 600,
      '--progress_update_timeout': undefined,
      '--first_task_creation_timeout': 600,
      '--resource_monitor_interval': 600,
      '--copy_logs_to_parent': false,
    });
  });
});
