import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lttb, type Axes } from '@/app/_features/lab/model/downsample';

interface P {
  t: number;
  a: number;
  b: number;
}

const AXES: Axes<P> = { x: (p) => p.t, ys: [(p) => p.a, (p) => p.b] };
const one: Axes<P> = { x: (p) => p.t, ys: [(p) => p.a] };

const series = (values: readonly number[]): P[] => values.map((a, t) => ({ t, a, b: 0 }));

/** Series sorted by x, with arbitrary values (duplicates and plateaus included). */
const arbSeries = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 })), { minLength: 0, maxLength: 400 })
  .map((rows) => {
    let t = 0;
    return rows.map(([dt, a, b]) => ({ t: (t += dt), a, b }));
  });

describe('LTTB downsampling', () => {
  it('returns short series unchanged, as a copy', () => {
    const input = series([1, 5, 2]);
    const out = lttb(input, 10, one);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it('keeps the spike a bucket average would flatten', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 537 ? 100 : Math.sin(i / 50)));
    const out = lttb(series(values), 50, one);
    // The budget, and the sine's first minimum LTTB might have dropped.
    expect(out.length).toBeGreaterThanOrEqual(50);
    expect(out.length).toBeLessThanOrEqual(52);
    expect(out.some((p) => p.t === 537)).toBe(true);
  });

  it('keeps the point where a cumulative count first reaches its final value', () => {
    // 10,000 steps; the last 2,000 add nothing. The chart must show the count
    // stop where it stopped, not drift up to the end.
    const values = Array.from({ length: 10_000 }, (_, i) => Math.min(i, 8_000));
    const out = lttb(series(values), 40, one);
    expect(out.some((p) => p.t === 8_000 && p.a === 8_000)).toBe(true);
  });

  it('reduces several series sharing an x together, keeping a small one next to a large one', () => {
    const points = Array.from({ length: 5_000 }, (_, i) => ({ t: i, a: i * 1000, b: i === 2_222 ? 3 : 0 }));
    const out = lttb(points, 100, AXES);
    expect(out.some((p) => p.t === 2_222)).toBe(true);
  });

  it('holds its promises for any series (property)', () => {
    fc.assert(
      fc.property(arbSeries, fc.integer({ min: 0, max: 120 }), (points, budget) => {
        const out = lttb(points, budget, AXES);
        // Within the budget, plus at most a minimum and a maximum per series.
        expect(out.length).toBeLessThanOrEqual(Math.max(budget, 2) + 2 * AXES.ys.length);
        if (points.length <= Math.max(budget, 2)) expect(out).toEqual(points);
        if (points.length === 0) return;
        // A subsequence of the input, in order, with its first and last point.
        let at = -1;
        for (const p of out) {
          const found = points.indexOf(p, at + 1);
          expect(found).toBeGreaterThan(at);
          at = found;
        }
        expect(out[0]).toBe(points[0]);
        expect(out.at(-1)).toBe(points.at(-1));
        // Each series keeps its range: the drawn extremes are the real ones.
        for (const y of AXES.ys) {
          expect(Math.max(...out.map(y))).toBe(Math.max(...points.map(y)));
          expect(Math.min(...out.map(y))).toBe(Math.min(...points.map(y)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
