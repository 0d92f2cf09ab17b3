// Batch versus real-time: a managed online endpoint model (latency, always-on
// instances, cost per hour) set against the ParallelRunStep simulator.
export type * from './types';
export {
  DEFAULT_REALTIME_LATENCY,
  DEFAULT_MAX_CONCURRENT_REQUESTS_PER_INSTANCE,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_ROW_BYTES,
  serviceMs,
  latencyPercentiles,
} from './latency-model';
export { erlangC, waitQuantileSeconds } from './queueing';
export { estimateRealtimeEndpoint, instancesNeeded, SECONDS_PER_DAY } from './endpoint';
export { estimateBatchJob } from './batch-estimate';
export { planRowChunks, type RowChunks } from './row-chunks';
export { compareBatchVsRealtime, sweepVolumes, DEFAULT_VOLUME_SWEEP, DEFAULT_RUNS_PER_DAY, DEFAULT_COMPARE_NODE_COUNT } from './compare';
export {
  validateCompareOptions,
  validateEndpoint,
  validateBatch,
  MAX_ROWS_PER_DAY,
  MAX_SIMULATED_MINI_BATCHES,
  MAX_RUNS_PER_DAY,
} from './validate';
