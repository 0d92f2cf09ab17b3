import { describe, expect, it } from 'vitest';
import { validateParallelRunConfig, FORBIDDEN_FILE_NAME_CHARS } from '@/engine/parallel-run/index';
import { config, files, rows, tabular } from './helpers';

const fieldsOf = (value: object, dataset?: Parameters<typeof validateParallelRunConfig>[1]) =>
  validateParallelRunConfig(value, dataset).map((p) => p.field);

const problemFor = (value: object, field: string) => validateParallelRunConfig(value).find((p) => p.field === field);

describe('validateParallelRunConfig', () => {
  it('accepts a complete valid config', () => {
    expect(validateParallelRunConfig(config())).toEqual([]);
  });

  it('accepts the smallest config v1 allows: the two required values and node_count', () => {
    expect(validateParallelRunConfig({ error_threshold: 0, output_action: 'summary_only', node_count: 1 })).toEqual([]);
  });

  it('requires error_threshold and output_action (v1 has no defaults for them)', () => {
    const problems = validateParallelRunConfig({ node_count: 1 });
    expect(problems.map((p) => p.field)).toEqual(['error_threshold', 'output_action']);
    expect(problems[0]?.message).toMatch(/required/);
    expect(problems[0]?.message).toMatch(/-1/);
    expect(problems[1]?.message).toMatch(/append_row.*summary_only/);
  });

  it('reports every problem at once, each under its config key', () => {
    const bad = {
      node_count: 0,
      mini_batch_size: '1XB',
      error_threshold: -2,
      allowed_failed_percent: 120,
      run_max_try: 0,
      run_invocation_timeout: 0,
      append_row_file_name: 'a/b',
      output_action: 'append',
    };
    expect(fieldsOf(bad).sort()).toEqual(
      [
        'node_count',
        'mini_batch_size',
        'error_threshold',
        'allowed_failed_percent',
        'run_max_try',
        'run_invocation_timeout',
        'append_row_file_name',
        'output_action',
      ].sort(),
    );
  });

  it.each([
    ['node_count', 0, /is 0.*integer of at least 1/],
    ['node_count', 1.5, /is 1\.5.*integer/],
    ['node_count', '2', /is "2".*integer/],
    ['process_count_per_node', 0, /is 0.*at least 1/],
    ['error_threshold', -2, /is -2.*at least -1/],
    ['error_threshold', 0.5, /is 0\.5.*integer/],
    ['allowed_failed_count', -2, /is -2.*at least -1/],
    ['allowed_failed_count', 2.5, /integer/],
    ['allowed_failed_percent', 120, /is 120.*0 to 100/],
    ['allowed_failed_percent', -1, /is -1.*0 to 100/],
    ['run_max_try', 0, /is 0.*at least 1/],
    ['run_max_try', 2.5, /integer/],
    ['run_invocation_timeout', 0, /is 0.*greater than 0/],
    ['run_invocation_timeout', -5, /greater than 0/],
    ['mini_batch_size', '1XB', /is "1XB".*"1MB"/],
    ['mini_batch_size', 0, /positive/],
    ['mini_batch_size', '1KBMB', /single unit/],
    ['output_action', 'append', /is "append".*'append_row' or 'summary_only'/],
  ])('%s = %j is rejected with a message naming the value and the allowed range', (field, value, pattern) => {
    const problem = problemFor({ ...config(), [field]: value }, field);
    expect(problem?.message).toMatch(pattern);
    expect(problem?.message.startsWith(field)).toBe(true);
  });

  it.each([
    ['error_threshold', -1],
    ['allowed_failed_count', -1],
    ['allowed_failed_count', 0],
    ['allowed_failed_percent', 0],
    ['allowed_failed_percent', 100],
    ['allowed_failed_percent', 12.5],
    ['run_invocation_timeout', 0.5],
    ['mini_batch_size', '10mb'],
    ['mini_batch_size', 1],
    ['output_action', 'APPEND_ROW'],
    ['output_action', 'Summary_Only'],
  ])('%s = %j is accepted', (field, value) => {
    expect(validateParallelRunConfig({ ...config(), [field]: value })).toEqual([]);
  });

  it.each([...FORBIDDEN_FILE_NAME_CHARS])('append_row_file_name may not contain %s', (ch) => {
    const problem = problemFor({ ...config(), append_row_file_name: `out${ch}put.txt` }, 'append_row_file_name');
    expect(problem?.message).toContain(ch);
    expect(problem?.message).toMatch(/UNIX file name/);
  });

  it('accepts an ordinary append_row_file_name, and ignores the name with summary_only as the SDK does', () => {
    expect(validateParallelRunConfig(config({ append_row_file_name: 'scores-2024_01.csv' }))).toEqual([]);
    expect(validateParallelRunConfig(config({ output_action: 'summary_only', append_row_file_name: 'a/b' }))).toEqual([]);
  });

  it('checks mini_batch_size against the dataset kind', () => {
    expect(fieldsOf(config({ mini_batch_size: '1MB' }), files(rows(3)))).toEqual(['mini_batch_size']);
    expect(fieldsOf(config({ mini_batch_size: 2.5 }), files(rows(3)))).toEqual(['mini_batch_size']);
    expect(fieldsOf(config({ mini_batch_size: 5 }), files(rows(3)))).toEqual([]);
    expect(fieldsOf(config({ mini_batch_size: '1MB' }), tabular(rows(3)))).toEqual([]);
    const message = validateParallelRunConfig(config({ mini_batch_size: '1MB' }), files(rows(3)))[0]?.message;
    expect(message).toMatch(/file dataset.*whole number of files/);
  });

  it('reports keys that are not ParallelRunConfig parameters, pointing at the real one', () => {
    const problems = validateParallelRunConfig({ ...config(), retry_count: 3, retry_backoff: 10 });
    expect(problems.map((p) => p.field)).toEqual(['retry_count', 'retry_backoff']);
    expect(problems[0]?.message).toMatch(/run_max_try/);
    expect(problems[1]?.message).toMatch(/no backoff/);
  });
});
