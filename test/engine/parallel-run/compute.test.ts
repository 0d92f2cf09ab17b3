import { describe, expect, it } from 'vitest';
import {
  baseRunSeconds,
  costUsd,
  defaultProcessCountPerNode,
  processMemoryBytes,
  resolveCompute,
  VM_SIZES,
} from '@/engine/parallel-run/index';

describe('VM catalogue', () => {
  it('has CPU and GPU sizes with the documented shapes', () => {
    expect(VM_SIZES.Standard_DS3_v2).toMatchObject({ cores: 4, memoryGiB: 14, gpu: false });
    expect(VM_SIZES.Standard_D13_v2).toMatchObject({ cores: 8, memoryGiB: 56, gpu: false });
    expect(VM_SIZES.Standard_NC6?.gpu).toBe(true);
    expect(VM_SIZES.Standard_NC6s_v3?.gpu).toBe(true);
  });

  it('prices low priority below dedicated for every size', () => {
    for (const size of Object.values(VM_SIZES)) {
      expect(size.pricePerHourLowPriority).toBeLessThan(size.pricePerHourDedicated);
      expect(size.startupSeconds).toBeGreaterThan(0);
    }
  });

  it('defaults process_count_per_node to 1 on GPU sizes and to the core count on CPU sizes', () => {
    expect(defaultProcessCountPerNode(VM_SIZES.Standard_NC6!)).toBe(1);
    expect(defaultProcessCountPerNode(VM_SIZES.Standard_DS3_v2!)).toBe(4);
    expect(defaultProcessCountPerNode(VM_SIZES.Standard_F16s_v2!)).toBe(16);
  });

  it('shares node memory evenly between processes', () => {
    expect(processMemoryBytes(VM_SIZES.Standard_DS3_v2!, 4)).toBe((14 * 1024 ** 3) / 4);
  });
});

describe('cost and time model', () => {
  const cpu = resolveCompute({ vmSize: 'Standard_DS3_v2' });

  it('charges a fixed overhead per call, so many tiny calls cost more than one big call', () => {
    const one = baseRunSeconds(cpu, 1000, 100_000, false);
    const hundred = 100 * baseRunSeconds(cpu, 10, 1000, false);
    expect(hundred).toBeGreaterThan(one);
  });

  it('grows with items and bytes', () => {
    expect(baseRunSeconds(cpu, 20, 0, false)).toBeGreaterThan(baseRunSeconds(cpu, 10, 0, false));
    expect(baseRunSeconds(cpu, 10, 10 ** 7, false)).toBeGreaterThan(baseRunSeconds(cpu, 10, 0, false));
  });

  it('uses the low-priority price when asked and prices node-seconds per hour', () => {
    const low = resolveCompute({ vmSize: 'Standard_DS3_v2', priority: 'lowpriority' });
    expect(low.pricePerHour).toBe(VM_SIZES.Standard_DS3_v2!.pricePerHourLowPriority);
    expect(costUsd(cpu, 7200)).toBeCloseTo(2 * cpu.pricePerHour, 10);
  });

  it('lets callers override the model', () => {
    expect(resolveCompute({ model: { itemSeconds: 2 } }).model.itemSeconds).toBe(2);
  });

  it('throws on an unknown VM size', () => {
    expect(() => resolveCompute({ vmSize: 'Standard_Z99' })).toThrow(/Unknown VM size/);
  });
});
