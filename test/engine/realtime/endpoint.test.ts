import { describe, expect, it } from 'vitest';
import {
  baseRunSeconds,
  DEFAULT_REALTIME_LATENCY,
  estimateRealtimeEndpoint,
  instancesNeeded,
  resolveCompute,
  serviceMs,
  validateEndpoint,
  VM_SIZES,
} from '@/engine/index';

const day = (rowsPerDay: number, rowsPerRequest = 1) => ({ rowsPerDay, rowsPerRequest });

describe('instance count for a request rate', () => {
  it('never drops below one instance, even with no traffic (no scale to zero)', () => {
    expect(instancesNeeded(0, 10, 1, 0.7)).toBe(1);
    expect(estimateRealtimeEndpoint(day(0)).instanceCount).toBe(1);
  });

  it('adds instances so the average load stays under the target utilisation', () => {
    // 100 req/s × 50 ms = 5 busy slots; at 70 % that needs ceil(5 / 0.7) = 8.
    expect(instancesNeeded(100, 50, 1, 0.7)).toBe(8);
    // Two concurrent requests per instance halve the count (rounded up).
    expect(instancesNeeded(100, 50, 2, 0.7)).toBe(4);
  });

  it('sizes the endpoint from rows per day and keeps utilisation at or below the target', () => {
    const heavy = { model: { itemSeconds: 0.05 } };
    const small = estimateRealtimeEndpoint(day(100_000), heavy);
    const large = estimateRealtimeEndpoint(day(10_000_000), heavy);
    expect(large.instanceCount).toBeGreaterThan(small.instanceCount);
    expect(large.utilisation).toBeLessThanOrEqual(DEFAULT_REALTIME_LATENCY.targetUtilisation + 1e-9);
    expect(large.sized).toBe(true);
  });
});

describe('per-request latency', () => {
  it('charges the batch model compute per row plus the endpoint overheads', () => {
    const compute = resolveCompute({ vmSize: 'Standard_DS3_v2' });
    const one = serviceMs(compute, DEFAULT_REALTIME_LATENCY, 1, 52);
    const ten = serviceMs(compute, DEFAULT_REALTIME_LATENCY, 10, 52);
    const perRowModel = (baseRunSeconds(compute, 10, 520, false) - baseRunSeconds(compute, 1, 52, false)) * 1000;
    expect(ten - one).toBeCloseTo(perRowModel + 9 * DEFAULT_REALTIME_LATENCY.serialisationMsPerRow, 9);
    expect(one).toBeGreaterThan(DEFAULT_REALTIME_LATENCY.requestOverheadMs);
  });

  it('scores rows faster on a GPU instance', () => {
    const cpu = estimateRealtimeEndpoint(day(1000, 500), { vmSize: 'Standard_NC6' }).serviceMs;
    const gpuless = estimateRealtimeEndpoint(day(1000, 500), { vmSize: 'Standard_DS3_v2' }).serviceMs;
    expect(cpu).toBeLessThan(gpuless);
  });

  it('puts p95 above p50 and both above the network median plus service time', () => {
    const e = estimateRealtimeEndpoint(day(1_000_000));
    expect(e.latency).not.toBeNull();
    const { p50Ms, p95Ms } = e.latency!;
    expect(p50Ms).toBeGreaterThanOrEqual(DEFAULT_REALTIME_LATENCY.networkMedianMs + e.serviceMs - 1e-9);
    expect(p95Ms).toBeGreaterThan(p50Ms);
  });

  it('queues requests when a fixed instance count runs hot, and has no steady state when overloaded', () => {
    const heavy = { model: { itemSeconds: 0.05 } };
    const calm = estimateRealtimeEndpoint(day(100_000), { ...heavy, instanceCount: 10 });
    const busy = estimateRealtimeEndpoint(day(1_000_000), { ...heavy, instanceCount: 1 });
    expect(busy.utilisation).toBeGreaterThan(0.5);
    expect(busy.latency!.p95Ms - busy.serviceMs).toBeGreaterThan(calm.latency!.p95Ms - calm.serviceMs);
    const over = estimateRealtimeEndpoint(day(10_000_000), { ...heavy, instanceCount: 1 });
    expect(over.overloaded).toBe(true);
    expect(over.latency).toBeNull();
    expect(over.exceedsTimeout).toBe(true);
  });

  it('flags requests that take longer than request_timeout_ms', () => {
    // 20,000 rows at 0.5 ms each is about 10 s of model work per request.
    const e = estimateRealtimeEndpoint(day(100_000, 20_000));
    expect(e.latency!.p95Ms).toBeGreaterThan(5000);
    expect(e.exceedsTimeout).toBe(true);
    expect(estimateRealtimeEndpoint(day(100_000, 20_000), { requestTimeoutMs: 60_000 }).exceedsTimeout).toBe(false);
  });
});

describe('always-on cost and total time', () => {
  it('bills every instance for 24 hours at the dedicated price, busy or idle', () => {
    for (const [name, vm] of Object.entries(VM_SIZES)) {
      const quiet = estimateRealtimeEndpoint(day(10), { vmSize: name });
      expect(quiet.costPerDayUsd).toBeCloseTo(24 * vm.pricePerHourDedicated, 9);
      const three = estimateRealtimeEndpoint(day(10), { vmSize: name, instanceCount: 3 });
      expect(three.costPerDayUsd).toBeCloseTo(3 * quiet.costPerDayUsd, 9);
    }
  });

  it('spreads the whole volume over all concurrent slots for the total time', () => {
    const one = estimateRealtimeEndpoint(day(100_000), { instanceCount: 1 });
    const four = estimateRealtimeEndpoint(day(100_000), { instanceCount: 2, maxConcurrentRequestsPerInstance: 2 });
    expect(one.totalSeconds).toBeCloseTo((one.requestsPerDay * one.serviceMs) / 1000, 9);
    expect(four.totalSeconds).toBeCloseTo(one.totalSeconds / 4, 9);
  });

  it('counts requests from rows per request, rounding a partial request up', () => {
    expect(estimateRealtimeEndpoint(day(1001, 10)).requestsPerDay).toBe(101);
  });
});

describe('validation', () => {
  it('names each bad field after its SDK parameter', () => {
    const fields = validateEndpoint(
      { rowsPerDay: -1, rowsPerRequest: 0 },
      { vmSize: 'Standard_Nope', instanceCount: 0, maxConcurrentRequestsPerInstance: 1.5, requestTimeoutMs: 0 },
    ).map((p) => p.field);
    expect(fields).toEqual(['rows_per_day', 'rows_per_request', 'vm_size', 'instance_count', 'max_concurrent_requests_per_instance', 'request_timeout_ms']);
    expect(() => estimateRealtimeEndpoint({ rowsPerDay: 10, rowsPerRequest: 0 })).toThrow(/rows_per_request/);
  });
});
