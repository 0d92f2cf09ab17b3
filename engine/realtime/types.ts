// Types of the batch-versus-real-time comparison. Plain data only, so results
// cross a Web Worker boundary and compare with deep equality in tests.
import type { CostTimeModel, VmPriority } from '../parallel-run/compute';

/**
 * The managed online endpoint's own overheads, on top of the model compute the
 * batch simulator already charges per row. ILLUSTRATIVE round numbers, not
 * measurements of Azure: they only need to be of a plausible order of
 * magnitude so that comparisons come out the right way round.
 */
export interface RealtimeLatencyModel {
  /** Median client-to-endpoint round trip (TLS, routing, load balancer), ms. */
  networkMedianMs: number;
  /** Spread of that round trip: sigma of a log-normal, so p95 ≈ median × e^(1.645 σ). */
  networkSpread: number;
  /** Per-request work on the instance besides scoring: HTTP handling, auth, calling run(), ms. */
  requestOverheadMs: number;
  /** JSON encode and decode of one row, request and response together, ms. */
  serialisationMsPerRow: number;
  /** Share of capacity the instance count is sized for, so a queue rarely builds (0 < u < 1). */
  targetUtilisation: number;
}

/** One managed online deployment (v2 YAML names in the comments). */
export interface RealtimeEndpointSpec {
  /** instance_type; a key of VM_SIZES. Default Standard_DS3_v2. */
  vmSize?: string | undefined;
  /** instance_count; omitted means "as many as the average load needs" (never fewer than 1). */
  instanceCount?: number | undefined;
  /** request_settings.max_concurrent_requests_per_instance; default 1. */
  maxConcurrentRequestsPerInstance?: number | undefined;
  /** request_settings.request_timeout_ms; default 5000. */
  requestTimeoutMs?: number | undefined;
  latency?: Partial<RealtimeLatencyModel> | undefined;
  /** The per-row compute model shared with the batch simulator. */
  model?: Partial<CostTimeModel> | undefined;
}

/** The same day of scoring, seen from the endpoint's side. */
export interface RealtimeWorkload {
  rowsPerDay: number;
  /** Rows in one request body; 1 is the classic "one decision per call". */
  rowsPerRequest: number;
  /** Bytes of one row as CSV/JSON; the default is about one credit-risk row. */
  rowBytes?: number | undefined;
}

export interface LatencyPercentiles {
  p50Ms: number;
  p95Ms: number;
}

export interface RealtimeEstimate {
  vmSize: string;
  requestsPerDay: number;
  /** Average arrival rate if the day's requests are spread evenly over 24 h. */
  requestsPerSecond: number;
  instanceCount: number;
  /** True when instanceCount was derived from the load rather than given. */
  sized: boolean;
  maxConcurrentRequestsPerInstance: number;
  /** Time one request occupies a slot on an instance (no network), ms. */
  serviceMs: number;
  /** Offered load over capacity, 0..∞; at 1 or more the queue grows without bound. */
  utilisation: number;
  overloaded: boolean;
  /** Null when overloaded: latency has no steady state then. */
  latency: LatencyPercentiles | null;
  requestTimeoutMs: number;
  /** p95 above request_timeout_ms: a noticeable share of callers get an error instead of an answer. */
  exceedsTimeout: boolean;
  /**
   * Seconds for the endpoint to answer the whole day's volume if every request
   * were sent at once (a backfill): the work spread over all concurrent slots.
   */
  totalSeconds: number;
  pricePerHour: number;
  /** Always-on: every instance is billed for all 24 hours, busy or idle. */
  costPerDayUsd: number;
}

export interface BatchWorkload {
  /** Rows scored by one run of the job. */
  rows: number;
  rowBytes?: number | undefined;
  vmSize?: string | undefined;
  priority?: VmPriority | undefined;
  nodeCount: number;
  processCountPerNode?: number | undefined;
  /** Tabular mini_batch_size as a byte budget; default 1 MB like ParallelRunConfig. */
  miniBatchBytes?: number | undefined;
  model?: Partial<CostTimeModel> | undefined;
  seed?: number | undefined;
}

export interface BatchEstimate {
  rows: number;
  miniBatches: number;
  /** Virtual seconds of one run, node start-up included. */
  durationSeconds: number;
  costUsd: number;
  vmSize: string;
  nodeCount: number;
  processCountPerNode: number;
}

export interface CompareOptions {
  /** The learner's volume, rows per day; it is always one of the sweep's points. */
  rows: number;
  rowsPerRequest?: number;
  rowBytes?: number | undefined;
  /** One VM size for both sides, so the model compute per row is the same. */
  vmSize?: string | undefined;
  nodeCount?: number;
  /** How many times a day the batch job runs (1 = nightly). Each run is a cold start. */
  runsPerDay?: number;
  miniBatchBytes?: number | undefined;
  maxConcurrentRequestsPerInstance?: number | undefined;
  /** Fixed endpoint size; omitted sizes it for each volume. */
  instanceCount?: number | undefined;
  latency?: Partial<RealtimeLatencyModel> | undefined;
  model?: Partial<CostTimeModel> | undefined;
  /** Volumes (rows per day) to score; defaults to DEFAULT_VOLUME_SWEEP. */
  volumes?: number[];
  seed?: number | undefined;
  /**
   * Awaited between sweep points. The engine never touches timers; a UI can
   * pass `() => new Promise((r) => setTimeout(r))` to keep each task short.
   */
  pause?: () => Promise<void>;
}

export type Winner = 'batch' | 'realtime' | 'tie';

export interface ComparisonPoint {
  rowsPerDay: number;
  batch: BatchEstimate & {
    runsPerDay: number;
    costPerDayUsd: number;
    /** A row that lands just after a run waits for the next run and that run's duration. */
    worstCaseWaitSeconds: number;
  };
  realtime: RealtimeEstimate;
  /** Lower cost per day. */
  cheaper: Winner;
  /** Scores the whole day's volume sooner: batch duration against the endpoint's totalSeconds. */
  fasterForVolume: Winner;
}

export interface CostCrossover {
  /** The sweep points either side of the change. */
  fromRows: number;
  toRows: number;
  /** Which side is cheaper from `toRows` on. */
  cheaperAbove: Winner;
}

export interface Comparison {
  points: ComparisonPoint[];
  /** The point at `rows`. */
  current: ComparisonPoint;
  costCrossovers: CostCrossover[];
}
