// The always-on side: how many instances a request rate needs, what a caller
// waits, and what the deployment costs for a day whether it is busy or not.
import { costUsd, resolveCompute } from '../parallel-run/compute';
import {
  DEFAULT_MAX_CONCURRENT_REQUESTS_PER_INSTANCE,
  DEFAULT_REALTIME_LATENCY,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_ROW_BYTES,
  latencyPercentiles,
  serviceMs,
} from './latency-model';
import type { RealtimeEndpointSpec, RealtimeEstimate, RealtimeWorkload } from './types';
import { throwIfInvalid, validateEndpoint } from './validate';

export const SECONDS_PER_DAY = 86_400;

/**
 * Instances needed so the average load stays at `targetUtilisation` of
 * capacity. Never fewer than one: a managed online deployment cannot scale
 * to zero, so the first instance is paid for even with no traffic at all.
 */
export function instancesNeeded(requestsPerSecond: number, service: number, maxConcurrent: number, targetUtilisation: number): number {
  const busySlots = (requestsPerSecond * service) / 1000;
  return Math.max(1, Math.ceil(busySlots / (maxConcurrent * targetUtilisation) - 1e-9));
}

export function estimateRealtimeEndpoint(workload: RealtimeWorkload, spec: RealtimeEndpointSpec = {}): RealtimeEstimate {
  throwIfInvalid('real-time endpoint', validateEndpoint(workload, spec));
  // Online deployments run on dedicated VMs; there is no low-priority tier for them.
  const compute = resolveCompute({ vmSize: spec.vmSize, priority: 'dedicated', model: spec.model });
  const latency = { ...DEFAULT_REALTIME_LATENCY, ...spec.latency };
  const maxConcurrent = spec.maxConcurrentRequestsPerInstance ?? DEFAULT_MAX_CONCURRENT_REQUESTS_PER_INSTANCE;
  const requestTimeoutMs = spec.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const requestsPerDay = Math.ceil(workload.rowsPerDay / workload.rowsPerRequest);
  const requestsPerSecond = requestsPerDay / SECONDS_PER_DAY;
  const service = serviceMs(compute, latency, workload.rowsPerRequest, workload.rowBytes ?? DEFAULT_ROW_BYTES);
  const instanceCount = spec.instanceCount ?? instancesNeeded(requestsPerSecond, service, maxConcurrent, latency.targetUtilisation);
  const slots = instanceCount * maxConcurrent;
  const utilisation = (requestsPerSecond * service) / 1000 / slots;
  const percentiles = latencyPercentiles(latency, service, slots, requestsPerSecond);
  return {
    vmSize: compute.vm.name,
    requestsPerDay,
    requestsPerSecond,
    instanceCount,
    sized: spec.instanceCount === undefined,
    maxConcurrentRequestsPerInstance: maxConcurrent,
    serviceMs: service,
    utilisation,
    overloaded: percentiles === null,
    latency: percentiles,
    requestTimeoutMs,
    exceedsTimeout: percentiles === null || percentiles.p95Ms > requestTimeoutMs,
    totalSeconds: (requestsPerDay * service) / 1000 / slots,
    pricePerHour: compute.pricePerHour,
    costPerDayUsd: costUsd(compute, instanceCount * SECONDS_PER_DAY),
  };
}
