// The keys of a batch endpoint's model deployment (`type: model`), as the CLI
// YAML spells them, with their checks. Defaults are applied in
// v2-batch-deployment.ts.
import { FORBIDDEN_FILE_NAME_CHARS, SIMULATOR_MAX_NODES, SIMULATOR_MAX_PROCESSES_PER_NODE } from '../parallel-run/validate-config';
import { anything, exactly, intInRange, oneOf, secondsAbove0, show, type Check } from './checks';
import type { FieldSpec, Schema } from './schema';
import { LOGGING_LEVELS } from './spec';

const fileName: Check = (value) => {
  if (typeof value !== 'string' || value.length === 0) return `is ${show(value)}; it must be a non-empty file name (default "predictions.csv")`;
  const bad = [...new Set([...value].filter((ch) => FORBIDDEN_FILE_NAME_CHARS.includes(ch)))];
  return bad.length === 0 ? null : `is ${show(value)}; a file name may not contain ${bad.join(' ')} (forbidden: ${FORBIDDEN_FILE_NAME_CHARS})`;
};

const filesPerRun: Check = (value) => {
  const issue = intInRange(1, ' file per run() (default 10)')(value);
  return issue === null ? null : `${issue}: a batch deployment hands run() whole files, whatever their size, so sizes such as "1MB" do not apply`;
};

const described = (path: string, check: Check = anything): FieldSpec => ({ path, check, simulated: false });
const simulated = (path: string, check: Check): FieldSpec => ({ path, check, simulated: true });

export const V2_BATCH_SCHEMA: Schema = {
  noun: 'a batch deployment setting',
  mappings: ['resources', 'settings', 'settings.retry_settings'],
  fields: [
    described('type', exactly('model')),
    ...['$schema', 'name', 'endpoint_name', 'description', 'tags', 'model', 'code_configuration', 'environment', 'compute', 'settings.environment_variables'].map((p) => described(p)),
    simulated('resources.instance_count', intInRange(1, ' instance (default 1)', { value: SIMULATOR_MAX_NODES, why: "this simulator's limit" })),
    simulated('settings.max_concurrency_per_instance', intInRange(1, ' process (default 1)', { value: SIMULATOR_MAX_PROCESSES_PER_NODE, why: "this simulator's limit per instance" })),
    simulated('settings.mini_batch_size', filesPerRun),
    simulated('settings.error_threshold', intInRange(-1, ' failed files (-1 allows any number of failed files; default -1)')),
    simulated('settings.logging_level', oneOf(LOGGING_LEVELS, " (default 'info')")),
    simulated('settings.retry_settings.max_retries', intInRange(1, ' (the tries of a mini-batch in all; default 3)')),
    simulated('settings.retry_settings.timeout', secondsAbove0(' (the limit for one mini-batch; default 30)')),
    simulated('settings.output_action', oneOf(['append_row', 'summary_only'], " (default 'append_row')")),
    simulated('settings.output_file_name', fileName),
  ],
  lookalikes: {
    node_count: 'the batch deployment setting is resources.instance_count',
    instance_count: 'write it as resources.instance_count',
    process_count_per_node: 'the batch deployment setting is settings.max_concurrency_per_instance',
    max_concurrency_per_instance: 'write it as settings.max_concurrency_per_instance',
    mini_batch_size: 'write it as settings.mini_batch_size',
    error_threshold: 'write it as settings.error_threshold',
    logging_level: 'write it as settings.logging_level',
    output_action: 'write it as settings.output_action',
    output_file_name: 'write it as settings.output_file_name',
    append_row_file_name: 'the batch deployment setting is settings.output_file_name',
    retry_settings: 'write it as settings.retry_settings',
    run_max_try: 'the batch deployment setting is settings.retry_settings.max_retries',
    run_invocation_timeout: 'the batch deployment setting is settings.retry_settings.timeout',
    mini_batch_error_threshold: 'batch deployments have no mini-batch threshold; settings.error_threshold counts failed files',
    'settings.mini_batch_error_threshold': 'batch deployments have no mini-batch threshold; settings.error_threshold counts failed files',
    allowed_failed_count: 'batch deployments have no mini-batch threshold; settings.error_threshold counts failed files',
    allowed_failed_percent: 'batch deployments have no percentage threshold; settings.error_threshold counts failed files',
    task: 'task belongs to a parallel job; a deployment names its scoring script in code_configuration',
  },
};
