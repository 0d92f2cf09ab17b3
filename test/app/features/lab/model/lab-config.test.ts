import { describe, expect, it } from 'vitest';
import { parseRaw, toLooseConfig, validateSettings } from '@/app/_features/lab/model/config';
import { DEFAULT_SETTINGS, datasetDefaults, sanitizeSettings, type LabSettings } from '@/app/_features/lab/model/settings';
import { decodeLabState, encodeLabState, withLabState } from '@/app/_features/lab/model/url';
import { validateParallelRunConfig, validateSimulation, type ParallelRunConfig } from '@/engine/index';

const tabular = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...DEFAULT_SETTINGS, ...patch });
const files = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...DEFAULT_SETTINGS, ...datasetDefaults('file'), ...patch });

describe('lab settings → engine config', () => {
  it('parses numbers, keeps other text for the validator and leaves unset fields out', () => {
    expect(parseRaw(' 12 ')).toBe(12);
    expect(parseRaw('-1')).toBe(-1);
    expect(parseRaw('2.5')).toBe(2.5);
    expect(parseRaw('ten')).toBe('ten');
    expect(parseRaw('')).toBeUndefined();
    const config = toLooseConfig(tabular({ node_count: '3', allowed_failed_percent: '', process_count_per_node: '' }));
    expect(config.node_count).toBe(3);
    expect(config).not.toHaveProperty('allowed_failed_percent');
    expect(config).not.toHaveProperty('process_count_per_node');
    expect(config.output_action).toBe('append_row');
  });

  it('passes mini_batch_size as text for tabular data and as a count for files', () => {
    expect(toLooseConfig(tabular({ mini_batch_size: '64KB' })).mini_batch_size).toBe('64KB');
    expect(toLooseConfig(tabular({ mini_batch_size: '1024' })).mini_batch_size).toBe('1024');
    expect(toLooseConfig(files({ mini_batch_size: '16' })).mini_batch_size).toBe(16);
    expect(toLooseConfig(files({ mini_batch_size: '' }))).not.toHaveProperty('mini_batch_size');
  });

  it('reports exactly the engine’s messages, under the control they belong to', () => {
    const settings = tabular({ mini_batch_size: '5XB', error_threshold: '', run_invocation_timeout: '0', vm_size: 'Standard_Z9' });
    const problems = validateSettings(settings);
    const engine = validateSimulation(toLooseConfig(settings) as unknown as ParallelRunConfig, { kind: 'tabular', items: [] }, { vmSize: 'Standard_Z9' });
    const messageOf = (field: string) => engine.filter((p) => p.field === field).map((p) => p.message);
    expect(problems.mini_batch_size).toEqual(messageOf('mini_batch_size'));
    expect(problems.error_threshold).toEqual(messageOf('error_threshold'));
    expect(problems.run_invocation_timeout).toEqual(messageOf('run_invocation_timeout'));
    expect(problems.vm_size).toEqual(messageOf('vm_size'));
    expect(problems.error_threshold?.[0]).toMatch(/required/);
    expect(problems.node_count).toBeUndefined();
  });

  it('judges mini_batch_size by the dataset kind, as the engine does', () => {
    expect(validateSettings(files({ mini_batch_size: '1MB' })).mini_batch_size).toEqual(
      validateParallelRunConfig({ ...toLooseConfig(files({ mini_batch_size: '1MB' })) }, { kind: 'file', items: [] }).map((p) => p.message),
    );
    expect(validateSettings(tabular({ mini_batch_size: '1MB' }))).toEqual({});
  });

  it('checks node_count against the cluster’s max_nodes', () => {
    expect(validateSettings(tabular({ node_count: '17' })).node_count?.[0]).toMatch(/max_nodes 16/);
    expect(validateSettings(tabular({ node_count: '16' }))).toEqual({});
  });

  it('clamps the lab’s own knobs but never the SDK values', () => {
    const clean = sanitizeSettings(tabular({ rows: 5, corrupt: 3, skew: -1, seed: 1.5, node_count: '-4' }));
    expect(clean.rows).toBe(1_000);
    expect(clean.corrupt).toBe(0.3);
    expect(clean.skew).toBe(0);
    expect(clean.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(clean.node_count).toBe('-4');
  });
});

describe('lab state in the URL', () => {
  it('round-trips every setting and the preset', () => {
    const settings = files({ rows: 120, corrupt: 0.05, node_count: '4', process_count_per_node: '2', mini_batch_size: '7', error_threshold: '-1', allowed_failed_count: '3', allowed_failed_percent: '12.5', run_max_try: '5', run_invocation_timeout: '90', output_action: 'summary_only', low_priority: true, vm_size: 'Standard_NC6', seed: 42 });
    const query = encodeLabState({ settings, preset: 'image-scoring' });
    expect(decodeLabState(`?${query}`)).toEqual({ settings, preset: 'image-scoring' });
  });

  it('keeps an invalid SDK value from a link exactly, so its message can be shown', () => {
    const decoded = decodeLabState('?node_count=0&mini_batch_size=12QB&output_action=append');
    expect(decoded?.settings.node_count).toBe('0');
    expect(decoded?.settings.mini_batch_size).toBe('12QB');
    const problems = validateSettings(decoded!.settings);
    expect(Object.keys(problems).sort()).toEqual(['mini_batch_size', 'node_count', 'output_action']);
  });

  it('reads an absent key as the lab default and an empty one as "not set"', () => {
    const decoded = decodeLabState('?node_count=5&error_threshold=');
    expect(decoded?.settings.run_max_try).toBe(DEFAULT_SETTINGS.run_max_try);
    expect(decoded?.settings.error_threshold).toBe('');
    expect(encodeLabState({ settings: decoded!.settings, preset: null })).toContain('error_threshold=&');
  });

  it('replaces only its own keys, keeping the other widgets\' settings in the same link', () => {
    const settings = files({ node_count: '3' });
    const search = '?schedule.frequency=Week&node_count=9&preset=image-scoring&compare.requests_per_day=500';
    const params = new URLSearchParams(withLabState(search, { settings, preset: null }));
    expect(params.get('schedule.frequency')).toBe('Week');
    expect(params.get('compare.requests_per_day')).toBe('500');
    expect(params.getAll('node_count')).toEqual(['3']);
    expect(params.has('preset')).toBe(false);
    expect(decodeLabState(`?${params}`)).toEqual({ settings, preset: null });
  });

  it('ignores a query without lab keys and an unknown preset', () => {
    expect(decodeLabState('?utm=1&section=x')).toBeNull();
    expect(decodeLabState('?seed=3&preset=nope')?.preset).toBeNull();
  });
});
