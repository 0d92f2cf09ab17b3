// The keys of a `type: parallel` step in a v2 pipeline job, as the CLI YAML
// spells them, with their checks. Defaults are applied in v2-parallel.ts.
import type { Dataset } from '../types';
import { SIMULATOR_MAX_NODES, SIMULATOR_MAX_PROCESSES_PER_NODE } from '../parallel-run/validate-config';
import { anyString, anything, exactly, intInRange, isInt, oneOf, secondsAbove0, show, type Check } from './checks';
import type { FieldSpec, Schema } from './schema';
import { LOGGING_LEVELS } from './spec';

/** Upper bound of retry_settings.timeout in the parallel job reference (three days). */
export const V2_MAX_TIMEOUT_SECONDS = 259_200;

/** A size such as "100 kb", "1mb" or "10MB"; units are binary, as in v1. */
export const V2_SIZE_PATTERN = /^\d+\s*([kKmMgG][bB])?$/;

export const APPEND_ROW_TO_PATTERN = /^\$\{\{outputs\.[A-Za-z_][A-Za-z0-9_-]*\}\}$/;

function miniBatchSizeCheck(kind: Dataset['kind'] | undefined): Check {
  return (value) => {
    if (kind === 'file') {
      return isInt(value) && value >= 1 ? null : `is ${show(value)}; for a folder input (uri_folder) it must be a whole number of files, at least 1 (default 10)`;
    }
    if ((isInt(value) && value >= 1) || (typeof value === 'string' && V2_SIZE_PATTERN.test(value) && !/^0+\s*\D*$/.test(value))) return null;
    return `is ${show(value)}; for an mltable input it must be a positive whole number of bytes or a size such as "100 kb", "1mb" or "10MB" (default 1 MB; Microsoft's pages disagree, see DIALECT_CONFLICTS)`;
  };
}

const appendRowTo: Check = (value) =>
  typeof value === 'string' && APPEND_ROW_TO_PATTERN.test(value)
    ? null
    : `is ${show(value)}; it must name one of the step's outputs as \${{outputs.<name>}} (leave it unset for summary_only)`;

const described = (path: string, check: Check = anything): FieldSpec => ({ path, check, simulated: false });
const simulated = (path: string, check: Check): FieldSpec => ({ path, check, simulated: true });

export function v2ParallelSchema(kind: Dataset['kind'] | undefined): Schema {
  return {
    noun: 'a parallel job setting',
    mappings: ['resources', 'retry_settings', 'task'],
    fields: [
      described('type', exactly('parallel')),
      ...['name', 'display_name', 'description', 'compute', 'inputs', 'outputs', 'input_data', 'environment_variables', 'partition_keys'].map((p) => described(p)),
      simulated('mini_batch_size', miniBatchSizeCheck(kind)),
      simulated('mini_batch_error_threshold', intInRange(-1, ' failed mini-batches (-1 ignores every failed mini-batch; default -1)')),
      simulated('logging_level', oneOf(LOGGING_LEVELS, " (default 'INFO')")),
      simulated('max_concurrency_per_instance', intInRange(1, ' process (default: 1 on a GPU node, one per core on a CPU node)', { value: SIMULATOR_MAX_PROCESSES_PER_NODE, why: "this simulator's limit per instance" })),
      simulated('resources.instance_count', intInRange(1, ' instance (default 1)', { value: SIMULATOR_MAX_NODES, why: "this simulator's limit" })),
      described('resources.instance_type', anyString),
      simulated('retry_settings.max_retries', intInRange(1, ' (the tries of a mini-batch in all, as the SDK docstring counts them; default 2; see DIALECT_CONFLICTS)')),
      simulated('retry_settings.timeout', secondsAbove0(' (the limit of one run() call; default 60)', V2_MAX_TIMEOUT_SECONDS)),
      described('task.type', exactly('run_function')),
      described('task.code', anyString),
      described('task.entry_script', anyString),
      described('task.environment'),
      simulated('task.program_arguments', (v) => (typeof v === 'string' ? null : `is ${show(v)}; it must be one string of "--name value" arguments`)),
      simulated('task.append_row_to', appendRowTo),
    ],
    lookalikes: {
      node_count: 'the parallel job setting is resources.instance_count',
      instance_count: 'write it as resources.instance_count',
      process_count_per_node: 'the parallel job setting is max_concurrency_per_instance',
      run_max_try: 'the parallel job setting is retry_settings.max_retries',
      max_retries: 'write it as retry_settings.max_retries',
      run_invocation_timeout: 'the parallel job setting is retry_settings.timeout',
      timeout: 'write it as retry_settings.timeout',
      error_threshold: 'pass it as --error_threshold in task.program_arguments',
      allowed_failed_count: 'the parallel job setting is mini_batch_error_threshold',
      allowed_failed_percent: 'pass it as --allowed_failed_percent in task.program_arguments',
      output_action: 'set task.append_row_to for append_row, and leave it unset for summary_only',
      append_row_file_name: 'rows are appended to the output that task.append_row_to names',
      append_row_to: 'write it as task.append_row_to',
      program_arguments: 'write it as task.program_arguments',
      settings: 'a settings mapping belongs to batch deployments; a parallel job has its keys at the top level',
      output_file_name: 'output_file_name is a batch deployment setting; a parallel job appends to the output task.append_row_to names',
    },
  };
}
