// The few behaviours in which the SDK dialects really differ, as switches of
// the one simulation core. Every switch defaults to what ParallelRunStep (v1)
// does, so a caller that passes none gets today's behaviour unchanged.

/** The names a log line or failure message uses for each setting. */
export interface SettingNames {
  nodeCount: string;
  processCountPerNode: string;
  runInvocationTimeout: string;
  runMaxTry: string;
  errorThreshold: string;
  allowedFailedCount: string;
  allowedFailedPercent: string;
  miniBatchSize: string;
  /** What the item threshold counts: records/files of the input ('item'), or whole files ('file'). */
  failedUnit: 'item' | 'file';
}

export const V1_NAMES: SettingNames = {
  nodeCount: 'node_count',
  processCountPerNode: 'process_count_per_node',
  runInvocationTimeout: 'run_invocation_timeout',
  runMaxTry: 'run_max_try',
  errorThreshold: 'error_threshold',
  allowedFailedCount: 'allowed_failed_count',
  allowedFailedPercent: 'allowed_failed_percent',
  miniBatchSize: 'mini_batch_size',
  failedUnit: 'item',
};

export interface CoreRules {
  /**
   * 'dataset': a file dataset is split by file count and a tabular one by a
   * byte budget (v1, parallel job). 'files': every mini-batch is a number of
   * whole input files, however big they are (batch endpoints).
   */
  distribution: 'dataset' | 'files';
  /**
   * 'one_per_input': a run() that returns fewer results than inputs fails its
   * mini-batch (v1, parallel job). 'any': a run() that returns normally
   * succeeds for every input, whatever it returned (batch endpoints).
   */
  cardinality: 'one_per_input' | 'any';
  /**
   * What a job does when its append_row file is already in the output
   * location: v1 says nothing, so 'ignore'; batch endpoints never overwrite it
   * ('keep_and_fail': the old file stays and the job fails).
   */
  existingOutput: 'ignore' | 'keep_and_fail';
  names: SettingNames;
}

export const V1_RULES: CoreRules = {
  distribution: 'dataset',
  cardinality: 'one_per_input',
  existingOutput: 'ignore',
  names: V1_NAMES,
};
