// SDK v1 defaults for ParallelRunConfig (azureml-pipeline-core). Kept in one
// place so the validator, the planner and the simulator agree.

export const DEFAULT_MINI_BATCH_FILES = 10;
export const DEFAULT_MINI_BATCH_BYTES = 1024 * 1024;
export const DEFAULT_RUN_INVOCATION_TIMEOUT = 60;
export const DEFAULT_RUN_MAX_TRY = 3;
export const DEFAULT_APPEND_ROW_FILE_NAME = 'parallel_run_step.txt';

/** Every key ParallelRunConfig understands; anything else is reported as unknown. */
export const CONFIG_KEYS = [
  'mini_batch_size',
  'error_threshold',
  'output_action',
  'node_count',
  'process_count_per_node',
  'allowed_failed_count',
  'allowed_failed_percent',
  'run_invocation_timeout',
  'run_max_try',
  'append_row_file_name',
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** A config as a learner or a form may hand it over: any key, any value. */
export type LooseParallelRunConfig = { [K in ConfigKey]?: unknown } & Record<string, unknown>;
