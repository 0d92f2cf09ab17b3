import { describe, expect, it } from 'vitest';
import { formatPercent, meetsPass } from '@/app/_quiz/scoring';

const shown = (correct: number, total: number): number => Number(formatPercent(correct, total).slice(0, -1));

describe('formatPercent', () => {
  it('shows whole percentages without a decimal', () => {
    expect(formatPercent(3, 5)).toBe('60%');
    expect(formatPercent(12, 20)).toBe('60%');
    expect(formatPercent(5, 5)).toBe('100%');
    expect(formatPercent(0, 53)).toBe('0%');
  });

  it('shows one decimal otherwise, so 27 of 53 reads 50.9%, not 50%', () => {
    expect(formatPercent(27, 53)).toBe('50.9%');
    expect(formatPercent(149, 250)).toBe('59.6%');
    expect(formatPercent(1, 3)).toBe('33.3%');
  });

  it('cuts down to the tenth instead of rounding, so a fail never reads 60%', () => {
    expect(formatPercent(5999, 10_000)).toBe('59.9%');
    expect(formatPercent(2, 3)).toBe('66.6%');
    expect(formatPercent(31, 53)).toBe('58.4%');
    expect(formatPercent(32, 53)).toBe('60.3%');
    // Just above 60 but not whole: the decimal stays, marking it as not exact.
    expect(formatPercent(601, 1001)).toBe('60.0%');
  });

  it('shows 0% for an empty quiz', () => {
    expect(formatPercent(0, 0)).toBe('0%');
  });

  it('lands on the same side of every whole pass mark as meetsPass, and within a tenth of the exact score', () => {
    for (let total = 1; total <= 120; total++) {
      for (let correct = 0; correct <= total; correct++) {
        const text = formatPercent(correct, total);
        expect(text).toMatch(/^\d{1,3}(\.\d)?%$/);
        const value = shown(correct, total);
        const exact = (correct * 100) / total;
        expect(value).toBeLessThanOrEqual(exact + 1e-9);
        expect(exact - value).toBeLessThan(0.1);
        for (const pass of [50, 60, 70, 75, 80]) expect(value >= pass).toBe(meetsPass(correct, total, pass));
      }
    }
  });
});
