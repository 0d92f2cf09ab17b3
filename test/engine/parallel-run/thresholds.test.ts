import { describe, expect, it } from 'vitest';
import { exceededThresholds, type ThresholdLimits, type ThresholdProgress } from '@/engine/parallel-run/index';

const limits = (overrides: Partial<ThresholdLimits> = {}): ThresholdLimits => ({
  errorThreshold: -1,
  allowedFailedCount: null,
  allowedFailedPercent: null,
  ...overrides,
});
const progress = (overrides: Partial<ThresholdProgress> = {}): ThresholdProgress => ({
  failedItems: 0,
  failedMiniBatches: 0,
  totalMiniBatches: 10,
  allScheduled: true,
  ...overrides,
});
const names = (l: ThresholdLimits, p: ThresholdProgress) => exceededThresholds(l, p).map((b) => b.threshold);

describe('exceededThresholds', () => {
  it('error_threshold trips only when failed items go above it, not when they reach it', () => {
    expect(names(limits({ errorThreshold: 5 }), progress({ failedItems: 5 }))).toEqual([]);
    expect(names(limits({ errorThreshold: 5 }), progress({ failedItems: 6 }))).toEqual(['error_threshold']);
    expect(names(limits({ errorThreshold: 0 }), progress({ failedItems: 1 }))).toEqual(['error_threshold']);
  });

  it('error_threshold -1 ignores any number of failed items', () => {
    expect(names(limits({ errorThreshold: -1 }), progress({ failedItems: 10 ** 6 }))).toEqual([]);
  });

  it('allowed_failed_count counts mini-batches, above the limit, -1 ignores, unset is not checked', () => {
    expect(names(limits({ allowedFailedCount: 2 }), progress({ failedMiniBatches: 2 }))).toEqual([]);
    expect(names(limits({ allowedFailedCount: 2 }), progress({ failedMiniBatches: 3 }))).toEqual(['allowed_failed_count']);
    expect(names(limits({ allowedFailedCount: -1 }), progress({ failedMiniBatches: 9 }))).toEqual([]);
    expect(names(limits(), progress({ failedMiniBatches: 9 }))).toEqual([]);
  });

  it('allowed_failed_percent waits until every mini-batch has been scheduled', () => {
    const p = progress({ failedMiniBatches: 5, totalMiniBatches: 10 });
    expect(names(limits({ allowedFailedPercent: 10 }), { ...p, allScheduled: false })).toEqual([]);
    expect(names(limits({ allowedFailedPercent: 10 }), p)).toEqual(['allowed_failed_percent']);
  });

  it('allowed_failed_percent trips above the percentage only; 100 ignores all failures', () => {
    expect(names(limits({ allowedFailedPercent: 20 }), progress({ failedMiniBatches: 2 }))).toEqual([]);
    expect(names(limits({ allowedFailedPercent: 20 }), progress({ failedMiniBatches: 3 }))).toEqual(['allowed_failed_percent']);
    expect(names(limits({ allowedFailedPercent: 100 }), progress({ failedMiniBatches: 10 }))).toEqual([]);
  });

  it('reports every threshold exceeded, with the numbers in the message', () => {
    const breaches = exceededThresholds(
      limits({ errorThreshold: 3, allowedFailedCount: 0, allowedFailedPercent: 10 }),
      progress({ failedItems: 7, failedMiniBatches: 2, totalMiniBatches: 8 }),
    );
    expect(breaches.map((b) => b.threshold)).toEqual(['error_threshold', 'allowed_failed_count', 'allowed_failed_percent']);
    expect(breaches[0]?.message).toMatch(/7 failed items.*3/);
    expect(breaches[1]?.message).toMatch(/2 failed mini-batches.*0/);
    expect(breaches[2]?.message).toMatch(/2 of 8.*25 %.*10 %/);
  });
});
