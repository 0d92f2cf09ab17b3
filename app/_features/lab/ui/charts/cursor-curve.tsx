'use client';
// A progress line drawn up to the replay cursor, as a recharts Line `shape`.
// recharts gets the whole series once per result and never hears of the
// cursor: feeding it the series cut at the cursor made it recompute every
// axis and series on each replay step (tens of milliseconds per chart). This
// shape, a component of its own, follows the cursor (once per frame) and
// redraws one path. It also leaves recharts' path ref unset: recharts
// measures that path (getTotalLength, a forced layout) on every render only
// to animate, and these charts do not animate.
import { useMemo } from 'react';
import { Curve, useXAxisScale, type CurveProps, type LineDrawShapeProps } from 'recharts';
import type { TimePoint } from '@/app/_features/lab/model/protocol';
import { useFrameCursor } from './frame-cursor';

type PlotPoint = { x: number | null; y: number | null; payload?: unknown };

/**
 * The points with `t` at or before the cursor, ending exactly at it (the line
 * holds its last value up to there, as stepAfter draws it). Null cursor: all.
 */
export function pointsUpTo<P extends PlotPoint>(points: readonly P[], cursor: number | null, xOf: (t: number) => number | undefined): P[] {
  if (cursor === null) return [...points];
  const shown = points.filter((p) => (p.payload as TimePoint | undefined)?.t !== undefined && (p.payload as TimePoint).t <= cursor);
  const last = shown[shown.length - 1];
  const x = xOf(cursor);
  if (last && x !== undefined && (last.payload as TimePoint).t < cursor) shown.push({ ...last, x });
  return shown;
}

/** Props come from recharts (the element is cloned with them), hence all optional here. */
export function CursorCurve(props: Partial<LineDrawShapeProps>) {
  const { points } = props;
  const cursor = useFrameCursor();
  const scale = useXAxisScale();
  const shown = useMemo(() => pointsUpTo((points ?? []) as readonly PlotPoint[], cursor, (t) => scale?.(t) ?? undefined), [points, cursor, scale]);
  if (shown.length < 2) return null;
  return <Curve {...curveProps(props)} points={shown} />;
}

// Animation props are recharts' own, and the path ref is left off on purpose (see above).
const NOT_FOR_CURVE = new Set(['pathRef', 'animationElapsedTime', 'isAnimating', 'isEntrance', 'visibleLength', 'points']);

function curveProps(props: Partial<LineDrawShapeProps>): Omit<CurveProps, 'pathRef' | 'points'> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !NOT_FOR_CURVE.has(key))) as Omit<CurveProps, 'pathRef' | 'points'>;
}
