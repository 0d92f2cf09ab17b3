// convertConfig: v1 to both v2 dialects and back, and between the v2 ones;
// what cannot be carried is returned by name with a reason, never dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertConfig, dialectFieldName, DIALECTS, parseDialectConfig, type CommonKey, type Dialect } from '@/engine/index';
import type { Dataset } from '@/engine/types';
import { scenarioArb } from './arbitraries';

const V1_FULL = {
  mini_batch_size: 4,
  error_threshold: 7,
  output_action: 'append_row',
  node_count: 3,
  process_count_per_node: 2,
  allowed_failed_count: 2,
  allowed_failed_percent: 25,
  run_invocation_timeout: 90,
  run_max_try: 4,
  append_row_file_name: 'scores.txt',
  logging_level: 'DEBUG',
};
const FILES: Dataset = { kind: 'file', items: [] };
const TABULAR: Dataset = { kind: 'tabular', items: [] };

function convert(from: Dialect, to: Dialect, raw: unknown, dataset?: Dataset) {
  const out = convertConfig(from, to, raw, { dataset });
  if (!out.ok) throw new Error(out.message);
  return out;
}

describe('v1 to v2 and back', () => {
  it('writes a parallel job in its own names, with the thresholds in program_arguments', () => {
    const out = convert('v1', 'v2-parallel', V1_FULL, FILES);
    expect(out.config).toEqual({
      resources: { instance_count: 3 },
      max_concurrency_per_instance: 2,
      mini_batch_size: 4,
      mini_batch_error_threshold: 2,
      logging_level: 'DEBUG',
      retry_settings: { max_retries: 4, timeout: 90 },
      task: { append_row_to: '${{outputs.predictions}}', program_arguments: '--error_threshold 7 --allowed_failed_percent 25' },
    });
    expect(out.unmapped.map((u) => u.field)).toEqual(['append_row_file_name']);
    expect(out.unmapped[0]?.reason).toMatch(/task\.append_row_to names/);
  });

  it('writes a batch deployment, naming the two thresholds it has no room for', () => {
    const out = convert('v1', 'v2-batch-deployment', V1_FULL, FILES);
    expect(out.config).toEqual({
      resources: { instance_count: 3 },
      settings: {
        max_concurrency_per_instance: 2,
        mini_batch_size: 4,
        error_threshold: 7,
        logging_level: 'debug',
        retry_settings: { max_retries: 4, timeout: 90 },
        output_action: 'append_row',
        output_file_name: 'scores.txt',
      },
    });
    expect(out.unmapped.map((u) => [u.field, u.value])).toEqual([['allowed_failed_count', 2], ['allowed_failed_percent', 25]]);
  });

  it('does not read a tabular byte budget as a number of files', () => {
    const out = convert('v1', 'v2-batch-deployment', { ...V1_FULL, mini_batch_size: '1MB' }, TABULAR);
    expect(out.unmapped.find((u) => u.field === 'mini_batch_size')?.reason).toMatch(/size in bytes.*whole files/);
  });

  it('warns that an item threshold carried to a batch deployment counts files there', () => {
    const out = convert('v1', 'v2-batch-deployment', { ...V1_FULL, mini_batch_size: '1MB' }, TABULAR);
    expect(out.caveats).toEqual([{ field: 'settings.error_threshold', value: 7, reason: expect.stringMatching(/counted failed rows .* counts failed files here/) }]);
    expect(convert('v1', 'v2-batch-deployment', V1_FULL, FILES).caveats).toEqual([]);
    expect(convert('v1', 'v2-parallel', V1_FULL, TABULAR).caveats).toEqual([]);
  });

  it('gives v1 its required parameters from the v2 values in effect', () => {
    expect(convert('v2-parallel', 'v1', {}).config).toEqual({ error_threshold: -1, output_action: 'summary_only', node_count: 1 });
    expect(convert('v2-batch-deployment', 'v1', {}).config).toEqual({ error_threshold: -1, output_action: 'append_row', node_count: 1 });
  });

  it('moves a value the target refuses into unmapped, with the target\'s message', () => {
    const out = convert('v1', 'v2-parallel', { ...V1_FULL, run_invocation_timeout: 300_000 }, FILES);
    expect(out.unmapped.find((u) => u.field === 'run_invocation_timeout')?.reason).toMatch(/at most 259200/);
    expect(out.config).toHaveProperty(['retry_settings'], { max_retries: 4 });
  });

  it('names the parallel job\'s own arguments and output name when leaving it', () => {
    const out = convert('v2-parallel', 'v1', { task: { append_row_to: '${{outputs.scores}}', program_arguments: '--model_dir m --task_overhead_timeout 30' } });
    expect(out.unmapped.map((u) => u.field)).toEqual(['--task_overhead_timeout', '--model_dir', 'task.append_row_to']);
    expect(out.config).toMatchObject({ output_action: 'append_row' });
  });

  it('refuses a source config that is not valid, with its problems', () => {
    const out = convertConfig('v1', 'v2-parallel', { node_count: 0 });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.map((p) => p.field)).toContain('node_count');
  });
});

const KEYS: CommonKey[] = ['nodes', 'processesPerNode', 'miniBatchSize', 'itemErrorThreshold', 'failedMiniBatchLimit', 'failedPercentLimit', 'maxTries', 'timeoutSeconds', 'outputAction', 'outputFileName', 'loggingLevel'];

function keysOf(dialect: Dialect, fields: string[]): CommonKey[] {
  return KEYS.filter((k) => fields.includes(dialectFieldName(dialect, k) ?? ''));
}

const pairs = DIALECTS.flatMap((a) => DIALECTS.filter((b) => b !== a).map((b) => [a, b] as const));

describe.each(pairs)('%s -> %s', (from, to) => {
  it('carries every stated setting or names it in unmapped', async () => {
    fc.assert(
      fc.property(scenarioArb(from), (s) => {
        const source = parseDialectConfig(from, s.config, { dataset: s.dataset });
        if (!source.ok) throw new Error(source.message);
        const out = convert(from, to, s.config, s.dataset);
        const target = parseDialectConfig(to, out.config, { dataset: s.dataset });
        expect(target.ok).toBe(true);
        const unmapped = out.unmapped.map((u) => u.field);
        for (const key of source.explicit) {
          const carried = target.ok && target.explicit.includes(key);
          expect(carried || unmapped.includes(dialectFieldName(from, key) as string), `${key}`).toBe(true);
          if (carried && target.ok) expect(target.settings[key]).toEqual(source.settings[key]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips: back in the first dialect, every setting that was carried has its value', async () => {
    fc.assert(
      fc.property(scenarioArb(from), (s) => {
        const there = convert(from, to, s.config, s.dataset);
        const back = convert(to, from, there.config, s.dataset);
        const original = parseDialectConfig(from, s.config, { dataset: s.dataset });
        const returned = parseDialectConfig(from, back.config, { dataset: s.dataset });
        if (!original.ok || !returned.ok) throw new Error('invalid config in the round trip');
        const lost = new Set(keysOf(from, there.unmapped.map((u) => u.field)));
        for (const key of KEYS) if (!lost.has(key)) expect(returned.settings[key], key).toEqual(original.settings[key]);
      }),
      { numRuns: 60 },
    );
  });
});

function without(config: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !keys.includes(key)));
}

describe('round trip of a fully stated v1 config', () => {
  it('comes back from the parallel job as it was, less the one file name it cannot hold', () => {
    const back = convert('v2-parallel', 'v1', convert('v1', 'v2-parallel', V1_FULL, FILES).config, FILES);
    expect(back.config).toEqual(without(V1_FULL, 'append_row_file_name'));
  });
  it('comes back from a batch deployment as it was, less the two mini-batch thresholds', () => {
    const back = convert('v2-batch-deployment', 'v1', convert('v1', 'v2-batch-deployment', V1_FULL, FILES).config, FILES);
    expect(back.config).toEqual(without(V1_FULL, 'allowed_failed_count', 'allowed_failed_percent'));
  });
});
