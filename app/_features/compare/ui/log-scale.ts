// Log-scale geometry for the comparison's charts: axis ranges snapped to
// round ticks, value-to-pixel mapping, and the data point nearest a pointer.

export interface LogAxis {
  domain: [number, number];
  ticks: number[];
}

/** From the tick at or below the smallest positive value to the tick at or above the largest. */
export function logAxis(values: readonly (number | null)[], candidates: readonly number[]): LogAxis {
  const positive = values.filter((v): v is number => v !== null && v > 0);
  if (positive.length === 0) return { domain: [candidates[0]!, candidates.at(-1)!], ticks: [...candidates] };
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const lo = [...candidates].reverse().find((t) => t <= min) ?? min;
  const hi = candidates.find((t) => t >= max) ?? max;
  const top = hi > lo ? hi : lo * 10;
  return { domain: [lo, top], ticks: candidates.filter((t) => t >= lo && t <= top) };
}

/** Maps a positive value on a log scale from `domain` onto the pixel `range`. */
export function logScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  const l0 = Math.log10(d0);
  const span = Math.log10(d1) - l0 || 1;
  return (value) => r0 + ((Math.log10(value) - l0) / span) * (r1 - r0);
}

/** Index of the x value nearest `pixel`, measured on the same scale the points are drawn with. */
export function nearestIndex(xs: readonly number[], pixel: number, scale: (value: number) => number): number {
  let best = 0;
  xs.forEach((x, i) => {
    if (Math.abs(scale(x) - pixel) < Math.abs(scale(xs[best]!) - pixel)) best = i;
  });
  return best;
}
