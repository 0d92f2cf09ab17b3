import { describe, expect, it } from 'vitest';
import { linearScale, niceTicks } from '@/app/_features/lab/ui/charts/gantt-axis';
import { formatCount } from '@/app/_features/lab/ui/format';

describe('formatCount', () => {
  it('writes numbers as en-US does, without Intl', () => {
    const values = [0, 7, 999, 1_000, 20_000, 123_456, 1_234_567, 200_000_000, -4_321, 2.5, 1_234.5678, -0.125, 0.0004];
    for (const n of values) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});

describe('the timeline axis', () => {
  it('maps a domain linearly onto a range', () => {
    const x = linearScale([10, 30], [100, 500]);
    expect([x(10), x(20), x(30), x(40)]).toEqual([100, 300, 500, 700]);
    expect(linearScale([5, 5], [0, 80])(5)).toBe(0);
  });

  it('picks round ticks inside the domain', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(283.4, 371.9)).toEqual([300, 320, 340, 360]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    for (const [min, max] of [[12.5, 4_000], [0.3, 0.31], [590, 602]] as const) {
      const ticks = niceTicks(min, max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(11);
      expect(ticks.every((t) => t >= min && t <= max)).toBe(true);
    }
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});
