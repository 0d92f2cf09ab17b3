// compareBatchVsRealtime: the same day of rows scored by a nightly (or more
// frequent) batch job and by an always-on online endpoint, over a sweep of
// volumes, so a chart can show where each side wins.
import { estimateBatchJob } from './batch-estimate';
import { estimateRealtimeEndpoint, SECONDS_PER_DAY } from './endpoint';
import type { BatchEstimate, Comparison, CompareOptions, ComparisonPoint, CostCrossover, RealtimeEstimate, Winner } from './types';
import { throwIfInvalid, validateCompareOptions } from './validate';

/** Rows per day from a small team's thousand to tens of millions, two points per decade. */
export const DEFAULT_VOLUME_SWEEP: readonly number[] = [1e3, 3e3, 1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 1e7, 3e7];
export const DEFAULT_RUNS_PER_DAY = 1;
export const DEFAULT_COMPARE_NODE_COUNT = 1;
/** Differences below this share count as a tie: the figures are illustrative, not precise. */
const TIE_SHARE = 0.02;

function winner(batch: number, realtime: number): Winner {
  if (Math.abs(batch - realtime) <= TIE_SHARE * Math.max(batch, realtime)) return 'tie';
  return batch < realtime ? 'batch' : 'realtime';
}

export function sweepVolumes(options: Pick<CompareOptions, 'rows' | 'volumes'>): number[] {
  return [...new Set([...(options.volumes ?? DEFAULT_VOLUME_SWEEP), options.rows])].sort((a, b) => a - b);
}

function batchPoint(estimate: BatchEstimate, runsPerDay: number): ComparisonPoint['batch'] {
  return {
    ...estimate,
    runsPerDay,
    costPerDayUsd: estimate.costUsd * runsPerDay,
    worstCaseWaitSeconds: SECONDS_PER_DAY / runsPerDay + estimate.durationSeconds,
  };
}

function realtimeFor(options: CompareOptions, rowsPerDay: number): RealtimeEstimate {
  return estimateRealtimeEndpoint(
    { rowsPerDay, rowsPerRequest: options.rowsPerRequest ?? 1, rowBytes: options.rowBytes },
    {
      vmSize: options.vmSize,
      instanceCount: options.instanceCount,
      maxConcurrentRequestsPerInstance: options.maxConcurrentRequestsPerInstance,
      latency: options.latency,
      model: options.model,
    },
  );
}

function crossovers(points: ComparisonPoint[]): CostCrossover[] {
  const out: CostCrossover[] = [];
  let previous: ComparisonPoint | undefined;
  for (const point of points) {
    if (point.cheaper === 'tie') continue;
    if (previous && previous.cheaper !== point.cheaper) {
      out.push({ fromRows: previous.rowsPerDay, toRows: point.rowsPerDay, cheaperAbove: point.cheaper });
    }
    previous = point;
  }
  return out;
}

/**
 * Scores every volume of the sweep both ways. Deterministic: the same options
 * give a deep-equal result. Rejects with every problem listed when an option
 * is invalid.
 */
export async function compareBatchVsRealtime(options: CompareOptions): Promise<Comparison> {
  throwIfInvalid('comparison', validateCompareOptions(options));
  const runsPerDay = options.runsPerDay ?? DEFAULT_RUNS_PER_DAY;
  const points: ComparisonPoint[] = [];
  for (const rowsPerDay of sweepVolumes(options)) {
    if (options.pause && points.length > 0) await options.pause();
    const estimate = await estimateBatchJob({
      rows: Math.ceil(rowsPerDay / runsPerDay),
      rowBytes: options.rowBytes,
      vmSize: options.vmSize,
      nodeCount: options.nodeCount ?? DEFAULT_COMPARE_NODE_COUNT,
      miniBatchBytes: options.miniBatchBytes,
      model: options.model,
      seed: options.seed,
    });
    const batch = batchPoint(estimate, runsPerDay);
    const realtime = realtimeFor(options, rowsPerDay);
    points.push({
      rowsPerDay,
      batch,
      realtime,
      cheaper: winner(batch.costPerDayUsd, realtime.costPerDayUsd),
      fasterForVolume: winner(batch.durationSeconds, realtime.totalSeconds),
    });
  }
  const current = points.find((p) => p.rowsPerDay === options.rows) as ComparisonPoint;
  return { points, current, costCrossovers: crossovers(points) };
}
