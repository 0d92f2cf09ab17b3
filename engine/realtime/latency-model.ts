// Per-request latency of a managed online endpoint. The model compute per row
// is the batch simulator's own (baseRunSeconds), so both sides score the same
// rows at the same speed; only the endpoint's overheads are added here.
import { baseRunSeconds, type ResolvedCompute } from '../parallel-run/compute';
import { waitQuantileSeconds } from './queueing';
import type { LatencyPercentiles, RealtimeLatencyModel } from './types';

/** ILLUSTRATIVE, like the VM prices in compute.ts: never quote these as Azure figures. */
export const DEFAULT_REALTIME_LATENCY: Readonly<RealtimeLatencyModel> = {
  networkMedianMs: 20,
  networkSpread: 0.5,
  requestOverheadMs: 3,
  serialisationMsPerRow: 0.02,
  targetUtilisation: 0.7,
};

/** request_settings defaults of a managed online deployment. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS_PER_INSTANCE = 1;
export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
/** About one credit-risk CSV row (the generator's rows average 52 bytes). */
export const DEFAULT_ROW_BYTES = 52;

/** Standard normal quantiles for the percentiles reported. */
const Z_50 = 0;
const Z_95 = 1.6448536269514722;

/**
 * Milliseconds one request keeps an instance slot busy: the fixed request
 * overhead, serialisation, and the model work on its rows. The model work is
 * a batch run() call minus that call's fixed overhead, which belongs to batch.
 */
export function serviceMs(compute: ResolvedCompute, latency: RealtimeLatencyModel, rowsPerRequest: number, rowBytes: number): number {
  const gpu = compute.vm.gpu;
  const modelSeconds = baseRunSeconds(compute, rowsPerRequest, rowsPerRequest * rowBytes, gpu) - baseRunSeconds(compute, 0, 0, gpu);
  return latency.requestOverheadMs + latency.serialisationMsPerRow * rowsPerRequest + modelSeconds * 1000;
}

/**
 * p50 and p95 latency seen by the caller: network round trip + queue wait +
 * service. The percentiles of the parts are added, which slightly overstates
 * the percentile of the sum (they rarely peak together): again on the safe side.
 */
export function latencyPercentiles(
  latency: RealtimeLatencyModel,
  service: number,
  slots: number,
  requestsPerSecond: number,
): LatencyPercentiles | null {
  const serviceSeconds = service / 1000;
  if (requestsPerSecond * serviceSeconds >= slots) return null;
  const at = (p: number, z: number): number =>
    latency.networkMedianMs * Math.exp(latency.networkSpread * z) + waitQuantileSeconds(p, slots, requestsPerSecond, serviceSeconds) * 1000 + service;
  return { p50Ms: at(0.5, Z_50), p95Ms: at(0.95, Z_95) };
}
