// Public face of the ParallelRunStep simulator (re-exported by engine/index.ts).
export { parseSize, formatBytes, MINI_BATCH_SIZE_PATTERN } from './size';
export {
  DEFAULT_MINI_BATCH_FILES,
  DEFAULT_MINI_BATCH_BYTES,
  DEFAULT_RUN_INVOCATION_TIMEOUT,
  DEFAULT_RUN_MAX_TRY,
  DEFAULT_APPEND_ROW_FILE_NAME,
  CONFIG_KEYS,
  type ConfigKey,
  type LooseParallelRunConfig,
} from './defaults';
export { planMiniBatches, effectiveMiniBatchSize, miniBatchLength, miniBatchItemIds } from './partition';
export {
  validateParallelRunConfig,
  describeProblems,
  FORBIDDEN_FILE_NAME_CHARS,
  SIMULATOR_MAX_NODES,
  SIMULATOR_MAX_PROCESSES_PER_NODE,
} from './validate-config';
export {
  VM_SIZES,
  DEFAULT_VM_SIZE,
  DEFAULT_COST_TIME_MODEL,
  resolveCompute,
  defaultProcessCountPerNode,
  processMemoryBytes,
  baseRunSeconds,
  costUsd,
  type VmSize,
  type VmPriority,
  type CostTimeModel,
  type ComputeSpec,
  type ResolvedCompute,
} from './compute';
export {
  exceededThresholds,
  type ThresholdName,
  type ThresholdLimits,
  type ThresholdProgress,
  type ThresholdBreach,
} from './thresholds';
export {
  LOG_PATHS,
  PROCESSED_CSV_COLUMNS,
  ATTEMPT_STATUS,
  entryScriptLogPath,
  stderrLogPath,
  nodeName,
  processName,
} from './logs';
export { formatOutputLine, formatOutputLines, isScoredColumns, outputChunks, outputFile, outputLines } from './output';
export {
  MINI_BATCH_OUTCOMES,
  MINI_BATCH_OUTCOME_LABELS,
  miniBatchOutcome,
  countOutcomes,
  describeMiniBatches,
  plural,
  type MiniBatchOutcome,
  type OutcomeCounts,
} from './outcome';
export { DEFAULT_MAX_PREEMPTIONS } from './faults';
export { simulateParallelRun, validateSimulation, parseParallelRunConfig, resolveRunSettings, DEFAULT_SEED, type ParsedConfig } from './simulate';
export type {
  ProcessMachine,
  ParallelInitContext,
  ParallelRunContext,
  FaultPlan,
  DatastoreAccessFault,
  SimulateOptions,
  SystemFailureRule,
  FailureCause,
  NodeTimeline,
  ResolvedRunSettings,
  ParallelRunSimulation,
} from './sim-types';
