// Largest-Triangle-Three-Buckets (Steinarsson, 2013): picks the points of a
// series that keep its visible shape, so a chart draws about as many points
// as it has pixels however long the job was. Runs in the worker (lab-view).
// Several series sharing one x are reduced together (a chart draws them over
// the same points), each normalised by its own range so a large series does
// not drown a small one. Besides LTTB's first and last point, every series'
// minimum and maximum is kept: the final count, or the peak a threshold is
// read against, must never be smoothed away.

export interface Axes<P> {
  x: (p: P) => number;
  ys: readonly ((p: P) => number)[];
}

/** Where each series reaches its first minimum and first maximum. */
function extremes<P>(points: readonly P[], ys: Axes<P>['ys']): Set<number> {
  const kept = new Set<number>();
  for (const y of ys) {
    let min = 0;
    let max = 0;
    points.forEach((p, i) => {
      const v = y(p);
      if (v < y(points[min] as P)) min = i;
      if (v > y(points[max] as P)) max = i;
    });
    kept.add(min).add(max);
  }
  return kept;
}

/** Each series' range, so triangle areas of different series can be added. */
function ranges<P>(points: readonly P[], ys: Axes<P>['ys']): number[] {
  return ys.map((y) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      const v = y(p);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi > lo ? hi - lo : 1;
  });
}

/** Mean x and ys of points [from, to), the third corner of LTTB's triangles. */
function centroid<P>(points: readonly P[], from: number, to: number, { x, ys }: Axes<P>): { x: number; ys: number[] } {
  let sx = 0;
  const sy = ys.map(() => 0);
  for (let i = from; i < to; i++) {
    const p = points[i] as P;
    sx += x(p);
    ys.forEach((y, k) => (sy[k] = (sy[k] as number) + y(p)));
  }
  const n = Math.max(1, to - from);
  return { x: sx / n, ys: sy.map((v) => v / n) };
}

/**
 * At most `budget` points of `points` (sorted by x), plus any minimum or
 * maximum LTTB would have dropped (at most two per series), in their order.
 * Series no longer than the budget come back as they are (a copy).
 */
export function lttb<P>(points: readonly P[], budget: number, axes: Axes<P>): P[] {
  const n = points.length;
  if (n <= Math.max(budget, 2)) return [...points];
  const { x, ys } = axes;
  const forced = extremes(points, ys);
  // No inner bucket: the two ends and the extremes.
  if (budget < 3) return ordered(points, [0, ...forced, n - 1]);
  const scale = ranges(points, ys);
  const picked = [0];
  // The n - 2 inner points fall into budget - 2 buckets of equal count.
  const every = (n - 2) / (budget - 2);
  for (let b = 0; b < budget - 2; b++) {
    const from = Math.floor(b * every) + 1;
    const to = Math.floor((b + 1) * every) + 1;
    const next = centroid(points, to, Math.min(n, Math.floor((b + 2) * every) + 1), axes);
    const a = points[picked[picked.length - 1] as number] as P;
    let best = from;
    let bestArea = -1;
    for (let i = from; i < to; i++) {
      const p = points[i] as P;
      if (forced.has(i)) picked.push(i);
      // Twice the triangle's area, per series, in units of that series' range.
      let area = 0;
      ys.forEach((y, k) => {
        area += Math.abs((x(a) - next.x) * (y(p) - y(a)) - (x(a) - x(p)) * ((next.ys[k] as number) - y(a))) / (scale[k] as number);
      });
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    if (!forced.has(best)) picked.push(best);
  }
  picked.push(n - 1);
  return ordered(points, picked);
}

function ordered<P>(points: readonly P[], indices: readonly number[]): P[] {
  return [...new Set(indices)].sort((i, j) => i - j).map((i) => points[i] as P);
}
