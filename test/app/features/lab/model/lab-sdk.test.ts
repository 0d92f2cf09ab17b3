// The lab in three SDK dialects: slot names, the config each dialect gets,
// validation in the dialect's names, the URL, and switching with carry-over.
import { describe, expect, it } from 'vitest';
import { validateSettings } from '@/app/_features/lab/model/config';
import { SDK_FIELD_NAMES, slotOf, slotsFromConfig, toDialectConfig } from '@/app/_features/lab/model/sdk';
import { switchSdk } from '@/app/_features/lab/model/sdk-switch';
import { DEFAULT_SETTINGS, type LabSettings } from '@/app/_features/lab/model/settings';
import { decodeLabState, encodeLabState, labBase } from '@/app/_features/lab/model/url';
import { parseDialectConfig } from '@/engine/index';

const batch = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...labBase('v2-batch-deployment', 'tabular'), ...patch });
const parallel = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...labBase('v2-parallel', 'tabular'), ...patch });

describe('the config each dialect gets from the slots', () => {
  it('writes a batch deployment in its YAML shape, with only the slots that are set', () => {
    const config = toDialectConfig('v2-batch-deployment', batch({ mini_batch_size: '4', process_count_per_node: '3', run_invocation_timeout: '45' }), 'tabular');
    expect(config).toEqual({ resources: { instance_count: 2 }, settings: { max_concurrency_per_instance: 3, mini_batch_size: 4, retry_settings: { timeout: 45 } } });
    const parsed = parseDialectConfig('v2-batch-deployment', config);
    expect(parsed.ok && parsed.settings).toMatchObject({ nodes: 2, processesPerNode: 3, miniBatchSize: 4, timeoutSeconds: 45, maxTries: 3, itemErrorThreshold: -1, outputFileName: 'predictions.csv' });
  });

  it('writes a parallel job with its thresholds as program arguments and append_row as task.append_row_to', () => {
    const config = toDialectConfig('v2-parallel', parallel({ allowed_failed_percent: '5', allowed_failed_count: '3' }), 'tabular');
    expect(config).toEqual({
      resources: { instance_count: 2 },
      mini_batch_size: '32KB',
      mini_batch_error_threshold: 3,
      task: { append_row_to: '${{outputs.job_output_file}}', program_arguments: '--error_threshold 100 --allowed_failed_percent 5' },
    });
    expect(slotsFromConfig('v2-parallel', config)).toMatchObject({ node_count: '2', error_threshold: '100', allowed_failed_percent: '5', allowed_failed_count: '3', output_action: 'append_row' });
    expect(toDialectConfig('v2-parallel', parallel({ output_action: 'summary_only' }), 'tabular')).not.toHaveProperty('task.append_row_to');
  });

  it('maps an engine problem back to its control', () => {
    expect(slotOf('v2-batch-deployment', 'settings.retry_settings.timeout')).toBe('run_invocation_timeout');
    expect(slotOf('v2-parallel', 'task.program_arguments')).toBe('error_threshold');
    expect(slotOf('v2-batch-deployment', 'allowed_failed_percent')).toBeNull();
  });
});

describe('validation in the chosen dialect', () => {
  it('puts each problem beside its control, in the dialect’s own names', () => {
    const problems = validateSettings(batch({ node_count: '0', mini_batch_size: '1MB' }));
    expect(problems.node_count?.[0]).toMatch(/^resources\.instance_count is 0/);
    expect(problems.mini_batch_size?.[0]).toMatch(/^settings\.mini_batch_size is "1MB".*whole files/);
    expect(validateSettings(batch())).toEqual({});
    expect(validateSettings(parallel({ run_max_try: '0' })).run_max_try?.[0]).toMatch(/^retry_settings\.max_retries is 0/);
  });
});

describe('the sdk key of the lab address', () => {
  it('opens a dialect with its own defaults, and leaves v1 links as they were', () => {
    const decoded = decodeLabState('?sdk=v2-batch-deployment');
    expect(decoded?.settings).toEqual(batch());
    expect(decoded?.settings.mini_batch_size).toBe('');
    expect(encodeLabState({ settings: DEFAULT_SETTINGS, preset: null })).not.toMatch(/sdk=/);
    const link = encodeLabState({ settings: batch({ mini_batch_size: '4' }), preset: null });
    expect(decodeLabState(`?${link}`)?.settings).toEqual(batch({ mini_batch_size: '4' }));
    expect(decodeLabState('?sdk=v3&node_count=2')?.settings.sdk).toBe('v1');
  });
});

describe('switching the dialect', () => {
  it('carries each setting to its counterpart and names the ones without one, with why', () => {
    const { settings, carried, dropped } = switchSdk({ ...DEFAULT_SETTINGS, allowed_failed_percent: '5' }, 'v2-batch-deployment');
    expect(settings).toMatchObject({ sdk: 'v2-batch-deployment', node_count: '2', error_threshold: '100', run_max_try: '3', run_invocation_timeout: '60', mini_batch_size: '', allowed_failed_percent: '' });
    expect(carried).toContainEqual({ from: 'node_count', to: 'resources.instance_count', value: '2' });
    expect(dropped.map((d) => d.field)).toEqual(['mini_batch_size', 'allowed_failed_percent']);
    expect(dropped[0]?.reason).toMatch(/32KB is a size in bytes, and a batch deployment counts whole files/);
    expect(dropped[1]?.reason).toMatch(/no percentage threshold/);
  });

  it('comes back to v1 with what the batch deployment changed', () => {
    const there = switchSdk(DEFAULT_SETTINGS, 'v2-batch-deployment').settings;
    const back = switchSdk({ ...there, node_count: '6', process_count_per_node: '3' }, 'v1');
    expect(back.settings).toMatchObject({ sdk: 'v1', node_count: '6', process_count_per_node: '3', error_threshold: '100' });
    expect(back.carried).toContainEqual({ from: 'settings.max_concurrency_per_instance', to: 'process_count_per_node', value: '3' });
  });

  it('gives every slot a name in v1, and drops none silently', () => {
    expect(Object.keys(SDK_FIELD_NAMES.v1)).toHaveLength(10);
    for (const to of ['v2-parallel', 'v2-batch-deployment'] as const) {
      const full: LabSettings = { ...DEFAULT_SETTINGS, allowed_failed_count: '4', allowed_failed_percent: '10', append_row_file_name: 'scores.txt' };
      const { settings, dropped } = switchSdk(full, to);
      const lost = (Object.keys(SDK_FIELD_NAMES.v1) as (keyof typeof SDK_FIELD_NAMES.v1)[]).filter((slot) => full[slot] !== '' && settings[slot] === '');
      expect(lost.every((slot) => dropped.some((d) => d.field === slot))).toBe(true);
    }
  });
});
