import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pythonV1 } from '@/app/_features/lab/model/code/python-v1';
import { yamlV2 } from '@/app/_features/lab/model/code/yaml-v2';
import { DEFAULT_SETTINGS, datasetDefaults, type LabSettings } from '@/app/_features/lab/model/settings';

const tabular = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...DEFAULT_SETTINGS, ...patch });
const files = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...DEFAULT_SETTINGS, ...datasetDefaults('file'), ...patch });

/** Brackets balance and every string literal closes, outside comments. */
function checkPythonShape(code: string): void {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const [n, line] of code.split('\n').entries()) {
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '#') break;
      if (ch === '"' || ch === "'") quote = ch;
      else if ('([{'.includes(ch)) stack.push(ch);
      else if (ch in pairs && stack.pop() !== pairs[ch]) throw new Error(`unbalanced ${ch} on line ${n + 1}: ${line}`);
    }
    if (quote) throw new Error(`unclosed string on line ${n + 1}: ${line}`);
  }
  expect(stack).toEqual([]);
}

/** Keyword arguments of one call, e.g. ParallelRunConfig(...). */
function callArguments(code: string, call: string): Record<string, string> {
  const start = code.indexOf(`${call}(\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = code.slice(start + call.length + 2, code.indexOf('\n)', start));
  return Object.fromEntries(body.split('\n').map((l) => /^\s+(\w+)=(.*),$/.exec(l)).filter((m) => m !== null).map((m) => [m[1], m[2]]));
}

type Yaml = { [key: string]: Yaml | string };

/** Just enough YAML for the generator's output: nested maps, scalars, `>-` blocks and comments. */
function parseYaml(text: string): Yaml {
  const root: Yaml = {};
  const stack: { indent: number; map: Yaml }[] = [{ indent: -1, map: root }];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    expect(indent % 2, `odd indentation: ${line}`).toBe(0);
    const match = /^(\s*)([$\w.]+):(?: (.*))?$/.exec(line);
    if (!match) throw new Error(`not a YAML mapping line: ${line}`);
    while ((stack[stack.length - 1] as { indent: number }).indent >= indent) stack.pop();
    const parent = (stack[stack.length - 1] as { map: Yaml }).map;
    const key = match[2] as string;
    expect(parent, `duplicate key ${key}`).not.toHaveProperty(key);
    const value = match[3];
    if (value === undefined) {
      const child: Yaml = {};
      parent[key] = child;
      stack.push({ indent, map: child });
    } else if (value === '>-') {
      const block: string[] = [];
      while ((lines[i + 1] ?? '').startsWith(' '.repeat(indent + 2))) block.push((lines[++i] as string).trim());
      parent[key] = block.join(' ');
    } else {
      if (value.startsWith('"')) expect(() => JSON.parse(value), `bad quoted scalar ${value}`).not.toThrow();
      parent[key] = value.startsWith('"') ? (JSON.parse(value) as string) : value;
    }
  }
  return root;
}

const at = (doc: Yaml, path: string): Yaml | string | undefined =>
  path.split('.').reduce<Yaml | string | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), doc);

const python3 = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0 ? 'python3' : null;

function pythonCheck(script: string, input: string): string {
  const res = spawnSync(python3 as string, ['-c', script], { input, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return res.stdout;
}

describe('SDK v1 Python for the current settings', () => {
  it('writes every set value with its SDK name and leaves unset ones out', () => {
    const code = pythonV1(tabular({ node_count: '4', mini_batch_size: '64KB', error_threshold: '50', allowed_failed_percent: '2.5', run_max_try: '5', run_invocation_timeout: '120' }));
    checkPythonShape(code);
    const args = callArguments(code, 'ParallelRunConfig');
    expect(args).toMatchObject({ node_count: '4', mini_batch_size: '"64KB"', error_threshold: '50', output_action: '"append_row"', allowed_failed_percent: '2.5', run_max_try: '5', run_invocation_timeout: '120' });
    expect(args).not.toHaveProperty('allowed_failed_count');
    expect(args).not.toHaveProperty('process_count_per_node');
    expect(args).not.toHaveProperty('append_row_file_name');
    expect(callArguments(code, 'ParallelRunStep').output).toBe('scores');
    expect(code).toMatch(/vm_size="Standard_DS3_v2"/);
    expect(code).toMatch(/vm_priority="dedicated"/);
    expect(code).toMatch(/Schedule\.create\(/);
    expect(code).toMatch(/Pipeline\(workspace=ws, steps=\[score_step\]\)/);
  });

  it('uses a file count, a mounted FileDataset and the low-priority cluster for file data', () => {
    const code = pythonV1(files({ mini_batch_size: '4', process_count_per_node: '1', allowed_failed_count: '0', low_priority: true, append_row_file_name: 'scores.csv' }));
    checkPythonShape(code);
    const args = callArguments(code, 'ParallelRunConfig');
    expect(args).toMatchObject({ mini_batch_size: '4', process_count_per_node: '1', allowed_failed_count: '0', append_row_file_name: '"scores.csv"' });
    expect(code).toMatch(/\.as_mount\(\)/);
    expect(code).toMatch(/vm_priority="lowpriority"/);
  });

  it('with summary_only passes no output and no append_row_file_name', () => {
    const code = pythonV1(tabular({ output_action: 'summary_only', append_row_file_name: 'x.txt' }));
    checkPythonShape(code);
    expect(callArguments(code, 'ParallelRunConfig')).not.toHaveProperty('append_row_file_name');
    expect(callArguments(code, 'ParallelRunStep')).not.toHaveProperty('output');
    expect(code).not.toMatch(/OutputFileDatasetConfig/);
  });

  it.skipIf(!python3)('is valid Python (parsed by python3)', () => {
    for (const settings of [tabular(), files({ output_action: 'summary_only', allowed_failed_count: '-1' })]) {
      expect(pythonCheck('import ast,sys; ast.parse(sys.stdin.read()); print("ok")', pythonV1(settings)).trim()).toBe('ok');
    }
  });
});

describe('v2 YAML for the current settings', () => {
  it('maps the v1 settings onto a parallel job', () => {
    const { job, compute } = yamlV2(tabular({ node_count: '4', process_count_per_node: '2', mini_batch_size: '5MB', allowed_failed_count: '3', allowed_failed_percent: '2', run_max_try: '4', run_invocation_timeout: '90', error_threshold: '50' }));
    const doc = parseYaml(job);
    expect(at(doc, 'type')).toBe('pipeline');
    expect(at(doc, 'jobs.score_items.type')).toBe('parallel');
    expect(at(doc, 'jobs.score_items.resources.instance_count')).toBe('4');
    expect(at(doc, 'jobs.score_items.max_concurrency_per_instance')).toBe('2');
    expect(at(doc, 'jobs.score_items.mini_batch_size')).toBe('5MB');
    expect(job).toMatch(/mini_batch_size: "5MB"/);
    expect(at(doc, 'jobs.score_items.mini_batch_error_threshold')).toBe('3');
    expect(at(doc, 'jobs.score_items.retry_settings.max_retries')).toBe('4');
    expect(at(doc, 'jobs.score_items.retry_settings.timeout')).toBe('90');
    expect(at(doc, 'jobs.score_items.task.program_arguments')).toBe('--error_threshold 50 --allowed_failed_percent 2');
    expect(at(doc, 'jobs.score_items.task.append_row_to')).toBe('${{outputs.scores}}');
    expect(at(doc, 'inputs.applicants.mode')).toBe('direct');
    const cluster = parseYaml(compute);
    expect(cluster).toMatchObject({ type: 'amlcompute', size: 'Standard_DS3_v2', tier: 'dedicated', max_instances: '16' });
  });

  it('leaves out what is unset and what summary_only does not use', () => {
    const { job, compute } = yamlV2(files({ output_action: 'summary_only', run_max_try: '', run_invocation_timeout: '', low_priority: true }));
    const doc = parseYaml(job);
    expect(at(doc, 'jobs.score_items.outputs')).toBeUndefined();
    expect(at(doc, 'jobs.score_items.task.append_row_to')).toBeUndefined();
    expect(at(doc, 'jobs.score_items.retry_settings')).toBeUndefined();
    expect(at(doc, 'jobs.score_items.max_concurrency_per_instance')).toBeUndefined();
    expect(at(doc, 'jobs.score_items.mini_batch_size')).toBe('10');
    expect(job).toMatch(/mini_batch_size: 10\n/);
    expect(at(doc, 'inputs.sensor_logs.type')).toBe('uri_folder');
    expect(parseYaml(compute).tier).toBe('low_priority');
  });

  it.skipIf(!python3)('is valid YAML with the same structure (parsed by PyYAML)', () => {
    const { job } = yamlV2(tabular({ allowed_failed_percent: '2', append_row_file_name: 'scores.csv' }));
    const parsed = JSON.parse(pythonCheck('import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))', job)) as Record<string, unknown>;
    const score = (parsed.jobs as Record<string, Record<string, unknown>>).score_items as Record<string, unknown>;
    expect(score.mini_batch_size).toBe('32KB');
    expect((score.resources as Record<string, unknown>).instance_count).toBe(2);
    expect((score.task as Record<string, unknown>).program_arguments).toBe('--error_threshold 100 --allowed_failed_percent 2');
    expect(((score.outputs as Record<string, Record<string, unknown>>).scores as Record<string, unknown>).path).toMatch(/scores\.csv$/);
  });
});
