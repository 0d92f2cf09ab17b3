'use client';
// Items over virtual time, and failures against the thresholds that abort the
// job. Both follow the replay cursor: recharts draws each result once (the
// plot is memoised on it), and only the lines' ends and the captions move
// with the cursor, once per frame (see cursor-curve).
import { memo, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { PLAIN_TICKS } from './plain-tick';
import type { LabView, TimePoint } from '@/app/_features/lab/model/protocol';
import { useLab } from '@/app/_features/lab/use-lab';
import { formatCount, formatSeconds } from '../format';
import { progressAt } from '../panels/StatusPanels';
import { ARROWS, ChartFigure, TooltipBox } from './ChartFigure';
import { useStaggered } from './use-staggered';
import { CursorCurve } from './cursor-curve';
import { useFrameCursor } from './frame-cursor';

const MARGIN = { top: 12, right: 16, bottom: 20, left: 8 };

/** The series up to the cursor, ending exactly at it. */
function upTo(points: readonly TimePoint[], cursor: number): TimePoint[] {
  const shown = points.filter((p) => p.t <= cursor);
  const last = progressAt(points, cursor);
  if (shown.length === 0 || (shown[shown.length - 1] as TimePoint).t < cursor) shown.push({ ...last, t: cursor });
  return shown;
}

interface Series {
  view: LabView;
  /** Stable while the result is the same, so recharts keeps its axis. */
  domain: [number, number];
}

/** The current result, handed over in a task of its own (see useStaggered); the cursor is not part of it. */
function useSeries(gate: RefObject<HTMLDivElement | null>): Series | null {
  const view = useLab((s) => s.view);
  const series = useMemo<Series | null>(() => {
    if (!view) return null;
    const start = view.progress[0]?.t ?? 0;
    return { view, domain: [start, Math.max(view.durationSeconds, start + 1)] };
  }, [view]);
  return useStaggered(series, { gate, initial: null });
}

/** The series up to the replay cursor, for the captions and tables (the plot cuts its lines itself). */
function useShown(view: LabView): TimePoint[] {
  const t = useFrameCursor();
  return useMemo(() => upTo(view.progress, t ?? view.durationSeconds), [view, t]);
}

/** Each line's shape: cut at the cursor, drawn without recharts' measuring (see cursor-curve). */
const CURSOR_SHAPE = <CursorCurve />;

const secondsTick = (v: number) => `${Math.round(v)} s`;

function pointTooltip(rows: (p: TimePoint) => [string, string][]) {
  return function PointTooltip({ active, payload }: TooltipContentProps) {
    const point = payload?.[0]?.payload as TimePoint | undefined;
    const cursor = useFrameCursor();
    // The plot holds the whole series: what lies past the replay cursor has not happened yet.
    if (!active || !point || (cursor !== null && point.t > cursor)) return null;
    return <TooltipBox title={`At ${formatSeconds(point.t)}`} rows={rows(point)} />;
  };
}

const itemRows = (p: TimePoint): [string, string][] => [
  ['Items succeeded', formatCount(p.succeeded)],
  ['Items failed', formatCount(p.failed)],
];

const itemsTooltip = pointTooltip(itemRows);

export function ItemsChart() {
  const gate = useRef<HTMLDivElement>(null);
  const series = useSeries(gate);
  return (
    <div ref={gate} className="lab-chart-slot">
      <ItemsFigure series={series} />
    </div>
  );
}

const SKELETON = <div className="lab-chart-skeleton" aria-hidden="true" />;

const ItemsFigure = memo(function ItemsFigure({ series }: { series: Series | null }) {
  if (!series) return SKELETON;
  return <ItemsCaptioned series={series} />;
});

/** Caption and table follow the cursor; the plot inside is redrawn only with a new result. */
function ItemsCaptioned({ series }: { series: Series }) {
  const { view } = series;
  const shown = useShown(view);
  const last = shown[shown.length - 1] as TimePoint;
  return (
    <ChartFigure
      id="lab-items"
      title="Items processed over virtual time"
      summary={`${formatCount(last.succeeded)} ${last.succeeded === 1 ? 'item' : 'items'} succeeded and ${formatCount(last.failed)} failed by ${formatSeconds(last.t)}, of ${formatCount(view.counts.items)}.`}
      table={{ caption: 'Cumulative items by virtual time', columns: ['Seconds', 'Succeeded', 'Failed'], rows: shown.map((p) => [p.t.toFixed(2), p.succeeded, p.failed]) }}
    >
      <ItemsPlot series={series} />
      <ul className="lab-legend" aria-hidden="true">
        <li>
          <span className="lab-swatch-line lab-swatch-ok" /> items succeeded
        </li>
        <li>
          <span className="lab-swatch-line lab-swatch-bad" /> items failed (dashed)
        </li>
      </ul>
    </ChartFigure>
  );
}

const ItemsPlot = memo(function ItemsPlot({ series }: { series: Series }) {
  const { view, domain } = series;
  const yDomain = useMemo(() => [0, view.counts.items], [view.counts.items]);
  return (
    <div className="lab-chart">
      <LineChart width="100%" height={220} responsive data={view.progress} margin={MARGIN} title="Items processed over virtual time" desc={ARROWS}>
        <CartesianGrid strokeDasharray="3 3" className="lab-grid" />
        <XAxis {...PLAIN_TICKS} type="number" dataKey="t" domain={domain} allowDataOverflow tickFormatter={secondsTick} />
        <YAxis {...PLAIN_TICKS} domain={yDomain} tickFormatter={formatCount} width={64} />
        <Tooltip content={itemsTooltip} isAnimationActive={false} />
        <Line type="stepAfter" dataKey="succeeded" name="Items succeeded" className="lab-line-ok" stroke="var(--lab-ok-line)" strokeWidth={2} dot={false} isAnimationActive={false} shape={CURSOR_SHAPE} />
        <Line type="stepAfter" dataKey="failed" name="Items failed" className="lab-line-bad" stroke="var(--lab-bad-line)" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} shape={CURSOR_SHAPE} />
      </LineChart>
    </div>
  );
});

interface Limits {
  itemLimit: number | null;
  batchLimit: number | null;
  itemDomain: [number, number];
  batchDomain: [number, number];
  tooltip: (props: TooltipContentProps) => ReactNode;
  itemLabel: object;
  batchLabel: object;
}

/** Everything about the thresholds that stays the same while the replay moves. */
function limitsOf(view: LabView): Limits {
  const { errorThreshold, allowedFailedCount } = view.settings;
  const itemLimit = errorThreshold >= 0 ? errorThreshold : null;
  const batchLimit = allowedFailedCount !== null && allowedFailedCount >= 0 ? allowedFailedCount : null;
  const last = view.progress[view.progress.length - 1];
  const maxFailed = Math.max(1, last?.failed ?? 0);
  const maxBatches = Math.max(1, last?.failedBatches ?? 0);
  const rows = (p: TimePoint): [string, string][] => [
    ['Failed items', formatCount(p.failed)],
    ['error_threshold', itemLimit === null ? '-1 (ignored)' : formatCount(itemLimit)],
    ['Failed mini-batches', formatCount(p.failedBatches)],
    ['allowed_failed_count', batchLimit === null ? 'not set' : formatCount(batchLimit)],
  ];
  return {
    itemLimit,
    batchLimit,
    itemDomain: [0, Math.ceil(Math.max(maxFailed, itemLimit ?? 0) * 1.15) + 1],
    batchDomain: [0, Math.ceil(Math.max(maxBatches, batchLimit ?? 0) * 1.15) + 1],
    tooltip: pointTooltip(rows),
    itemLabel: { value: `error_threshold ${itemLimit}`, position: 'insideTopLeft', className: 'lab-threshold-label' },
    batchLabel: { value: `allowed_failed_count ${batchLimit}`, position: 'insideTopRight', className: 'lab-threshold-label' },
  };
}

export function FailuresChart() {
  const gate = useRef<HTMLDivElement>(null);
  const series = useSeries(gate);
  return (
    <div ref={gate} className="lab-chart-slot">
      <FailuresFigure series={series} />
    </div>
  );
}

const FailuresFigure = memo(function FailuresFigure({ series }: { series: Series | null }) {
  if (!series) return SKELETON;
  return <FailuresCaptioned series={series} />;
});

function FailuresCaptioned({ series }: { series: Series }) {
  const { view } = series;
  const limits = useMemo(() => limitsOf(view), [view]);
  const shown = useShown(view);
  const { itemLimit } = limits;
  const last = shown[shown.length - 1] as TimePoint;
  const over = itemLimit !== null && last.failed > itemLimit;
  const summary =
    itemLimit === null
      ? `error_threshold is -1, so failed items never stop the job (${formatCount(last.failed)} so far).`
      : `${formatCount(last.failed)} failed ${last.failed === 1 ? 'item' : 'items'} against error_threshold ${formatCount(itemLimit)}: ${over ? 'above it, so the job is aborted' : 'within the budget'}.`;
  return (
    <ChartFigure
      id="lab-failures"
      title="Failed items against error_threshold"
      summary={summary}
      table={{ caption: 'Failures by virtual time', columns: ['Seconds', 'Failed items', 'Failed mini-batches'], rows: shown.map((p) => [p.t.toFixed(2), p.failed, p.failedBatches]) }}
      dataAttributes={{ 'data-testid': 'lab-failures' }}
    >
      <FailuresPlot series={series} limits={limits} />
      <ul className="lab-legend" aria-hidden="true">
        <li>
          <span className="lab-swatch-line lab-swatch-bad" /> failed items (left axis)
        </li>
        <li>
          <span className="lab-swatch-line lab-swatch-batch" /> failed mini-batches (right axis, dashed)
        </li>
        <li>
          <span className="lab-swatch-line lab-swatch-threshold" /> limits
        </li>
      </ul>
    </ChartFigure>
  );
}

const FailuresPlot = memo(function FailuresPlot({ series, limits }: { series: Series; limits: Limits }) {
  const { view, domain } = series;
  const { itemLimit, batchLimit } = limits;
  return (
    <div className="lab-chart">
      <LineChart width="100%" height={220} responsive data={view.progress} margin={MARGIN} title="Failed items against error_threshold" desc={ARROWS}>
        <CartesianGrid strokeDasharray="3 3" className="lab-grid" />
        <XAxis {...PLAIN_TICKS} type="number" dataKey="t" domain={domain} allowDataOverflow tickFormatter={secondsTick} />
        <YAxis {...PLAIN_TICKS} yAxisId="items" domain={limits.itemDomain} width={56} tickFormatter={formatCount} />
        <YAxis {...PLAIN_TICKS} yAxisId="batches" orientation="right" domain={limits.batchDomain} width={44} />
        <Tooltip content={limits.tooltip} isAnimationActive={false} />
        {itemLimit !== null && <ReferenceLine yAxisId="items" y={itemLimit} className="lab-threshold" strokeDasharray="4 4" label={limits.itemLabel} />}
        {batchLimit !== null && <ReferenceLine yAxisId="batches" y={batchLimit} className="lab-threshold-batches" strokeDasharray="2 4" label={limits.batchLabel} />}
        <Line yAxisId="items" type="stepAfter" dataKey="failed" name="Failed items" stroke="var(--lab-bad-line)" strokeWidth={2} dot={false} isAnimationActive={false} shape={CURSOR_SHAPE} />
        <Line yAxisId="batches" type="stepAfter" dataKey="failedBatches" name="Failed mini-batches" stroke="var(--lab-batch-line)" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} shape={CURSOR_SHAPE} />
      </LineChart>
    </div>
  );
});
