// The job request schema: the request's own fields checked by zod, the
// overrides checked by the engine's v2-batch-deployment schema, so the
// messages name the deployment YAML settings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENT, INPUT_LIMITS } from '@/app/api/batch-endpoints/_server/endpoint';
import { resolveJobRequest, type ResolvedJobRequest } from '@/app/api/batch-endpoints/_server/request';

function ok(body: unknown) {
  const resolved = resolveJobRequest(body);
  if (!resolved.ok) throw new Error(`expected a valid request: ${JSON.stringify(resolved)}`);
  return resolved.spec;
}

function rejected(body: unknown): Extract<ResolvedJobRequest, { ok: false }> {
  const resolved = resolveJobRequest(body);
  if (resolved.ok) throw new Error(`expected a rejection of ${JSON.stringify(body)}`);
  return resolved;
}

const messages = (r: Extract<ResolvedJobRequest, { ok: false }>) => (r.details ?? []).map((d) => `${d.path}: ${d.message}`);

describe('resolveJobRequest: defaults', () => {
  it('an empty body runs the default deployment on the default input with the deployment YAML as it is', () => {
    const spec = ok({});
    expect(spec.deployment.name).toBe(DEFAULT_DEPLOYMENT);
    expect(spec.input).toEqual({ rows: INPUT_LIMITS.rows.default, files: INPUT_LIMITS.files.default, corrupt: INPUT_LIMITS.corrupt.default, seed: INPUT_LIMITS.seed.default });
    expect(spec.outputPath).toBeNull();
    expect(spec.overridden).toEqual([]);
    expect(spec.settingsInEffect).toEqual({
      'resources.instance_count': 2,
      'settings.max_concurrency_per_instance': 2,
      'settings.mini_batch_size': 10,
      'settings.error_threshold': -1,
      'settings.retry_settings.max_retries': 3,
      'settings.retry_settings.timeout': 30,
      'settings.output_action': 'append_row',
      'settings.output_file_name': 'predictions.csv',
      'settings.logging_level': 'info',
    });
  });
});

describe('resolveJobRequest: overrides', () => {
  it('lays each flat override over its place in the deployment YAML and reports it by that name', () => {
    const spec = ok({ mini_batch_size: 3, instance_count: 4, max_concurrency_per_instance: 3, error_threshold: 5, max_retries: 2, timeout: 90, output_action: 'summary_only', output_file_name: 'scores.csv', logging_level: 'DEBUG' });
    expect(spec.config.settings).toMatchObject({ mini_batch_size: 3, max_concurrency_per_instance: 3, error_threshold: 5, retry_settings: { max_retries: 2, timeout: 90 }, output_action: 'summary_only', output_file_name: 'scores.csv' });
    expect(spec.config.resources.instance_count).toBe(4);
    expect(spec.settingsInEffect).toMatchObject({ 'settings.mini_batch_size': 3, 'settings.logging_level': 'debug', 'settings.output_action': 'summary_only' });
    expect(spec.overridden).toHaveLength(9);
    expect(spec.overridden).toContain('settings.retry_settings.timeout');
  });

  it('does not change the deployment definition itself', () => {
    ok({ mini_batch_size: 1 });
    expect(ok({}).settingsInEffect['settings.mini_batch_size']).toBe(10);
  });

  it.each([
    [{ mini_batch_size: '1MB' }, 'mini_batch_size', /settings\.mini_batch_size is "1MB".*whole files/],
    [{ mini_batch_size: 0 }, 'mini_batch_size', /settings\.mini_batch_size is 0/],
    [{ instance_count: 9 }, 'instance_count', /resources\.instance_count is 9.*max_nodes 8/],
    [{ max_concurrency_per_instance: 2.5 }, 'max_concurrency_per_instance', /settings\.max_concurrency_per_instance is 2\.5/],
    [{ max_concurrency_per_instance: 17 }, 'max_concurrency_per_instance', /above the maximum/],
    [{ error_threshold: -2 }, 'error_threshold', /settings\.error_threshold is -2/],
    [{ max_retries: 0 }, 'max_retries', /settings\.retry_settings\.max_retries is 0/],
    [{ timeout: null }, 'timeout', /settings\.retry_settings\.timeout is null/],
    [{ output_action: 'append' }, 'output_action', /settings\.output_action is "append".*'append_row', 'summary_only'/],
    [{ output_file_name: 'a/b.csv' }, 'output_file_name', /may not contain \//],
    [{ logging_level: 'loud' }, 'logging_level', /'debug', 'info', 'warning'/],
  ])('%j is refused by the engine with the field, the value and what is allowed', (body, path, message) => {
    const r = rejected(body);
    expect(r.status).toBe(400);
    expect(r.details).toHaveLength(1);
    expect(r.details![0]!.path).toBe(path);
    expect(r.details![0]!.message).toMatch(message);
  });

  it('lists every bad override at once', () => {
    expect(messages(rejected({ mini_batch_size: 'x', timeout: -1, instance_count: 0 }))).toHaveLength(3);
  });

  it('lists request-level and override problems in one answer', () => {
    const r = rejected({ input: { rows: 10 }, mini_batch_size: '1MB', timeout: -1 });
    expect(r.details?.map((d) => d.path)).toEqual(['input.rows', 'mini_batch_size', 'timeout']);
  });

  it('refuses output file names the download route could not serve', () => {
    expect(messages(rejected({ output_file_name: 'x'.repeat(300) }))[0]).toMatch(/^output_file_name: .*at most 255/);
    expect(messages(rejected({ output_file_name: '..' }))[0]).toMatch(/^output_file_name: /);
  });
});

describe('resolveJobRequest: the request itself', () => {
  it('reads input and normalises output_path to one spelling per folder', () => {
    const spec = ok({ input: { rows: 1000, files: 3, corrupt: 0, seed: 9 }, output_path: 'azureml://datastores/workspaceblobstore/paths/runs/nightly' });
    expect(spec.input).toEqual({ rows: 1000, files: 3, corrupt: 0, seed: 9 });
    expect(spec.outputPath).toBe('azureml://datastores/workspaceblobstore/paths/runs/nightly/');
    expect(ok({ output_path: 'azureml://datastores/workspaceblobstore/paths/runs/nightly/' }).outputPath).toBe(spec.outputPath);
  });

  it.each([
    [{ input: { rows: 999 } }, 'input.rows', /input\.rows is 999; it must be a whole number from 1000 to 200000/],
    [{ input: { rows: 1500.5 } }, 'input.rows', /whole number/],
    [{ input: { files: 1001 } }, 'input.files', /from 1 to 1000/],
    [{ input: { corrupt: 0.5 } }, 'input.corrupt', /input\.corrupt is 0\.5; it must be a number from 0 to 0\.3/],
    [{ input: { seed: '7' } }, 'input.seed', /input\.seed is "7"/],
    [{ input: { rows: 1000, sheets: 2 } }, 'input', /unknown input field\(s\) sheets/],
    [{ input: [1] }, 'input', /input must be an object/],
    [{ deployment: 7 }, 'deployment', /deployment is 7/],
    [{ deployment: 'd'.repeat(65) }, 'deployment', /deployment is "d{65}"; deployment names are at most 64 characters \(the endpoint's: credit-risk-onnx\)/],
    [{ output_path: '/tmp/out' }, 'output_path', /azureml:\/\/datastores\/<datastore>\/paths\/<folder>\//],
    [{ output_path: 'azureml://datastores/ws/paths/a/../b' }, 'output_path', /no "\." or "\.\." folders/],
    [{ MINI_BATCH_SIZE: 2 }, '', /unknown field\(s\) MINI_BATCH_SIZE.*case-sensitive/],
    [{ settings: { mini_batch_size: 2 } }, '', /give overrides flat/],
  ])('%j gets a 400 naming %s', (body, path, message) => {
    const r = rejected(body);
    expect(r.status).toBe(400);
    expect(r.details?.some((d) => d.path === path && message.test(d.message))).toBe(true);
  });

  it.each([null, 3, 'text', [], true])('refuses a body that is not an object: %j', (body) => {
    expect(messages(rejected(body))[0]).toMatch(/must be a JSON object/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the prototype key %s at the top and inside input', (key) => {
    expect(messages(rejected(JSON.parse(`{"${key}": {"x": 1}}`)))[0]).toMatch(new RegExp(`${key}: "${key}" is a reserved name`));
    expect(messages(rejected(JSON.parse(`{"input": {"rows": 1000, "${key}": 1}}`)))[0]).toMatch(/reserved name/);
  });

  it('answers 404 for an unknown deployment, naming the allowed ones', () => {
    const r = rejected({ deployment: 'credit-risk-mlflow' });
    expect(r.status).toBe(404);
    expect(r.error).toMatch(/no deployment "credit-risk-mlflow"; its deployments are credit-risk-onnx/);
  });
});
