'use client';

import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Comparison } from '@/engine/index';
import { usePrefersReducedMotion } from '../shared/use-reduced-motion';
import { formatRows, formatRowsShort, formatSeconds, formatTimeTick, formatUsd } from './compare-format';

interface Props {
  comparison: Comparison;
  /** Id of the table that holds the same numbers as text. */
  tableId: string;
}

interface Row {
  rows: number;
  batchCost: number;
  realtimeCost: number;
  batchRun: number;
  realtimeTotal: number;
  realtimeP95: number | null;
}

const DECADES = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
const COST_TICKS = [0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000, 100_000];
const TIME_TICKS = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 6 * 3600, 86_400, 7 * 86_400, 70 * 86_400];
const MARGIN = { top: 22, right: 16, bottom: 8, left: 8 };

/** A log axis from the tick at or below the smallest value to the tick at or above the largest. */
function logAxis(values: (number | null)[], ticks: number[]): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v): v is number => v !== null && v > 0);
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const lo = [...ticks].reverse().find((t) => t <= min) ?? ticks[0]!;
  const hi = ticks.find((t) => t >= max) ?? ticks.at(-1)!;
  return { domain: [lo, hi], ticks: ticks.filter((t) => t >= lo && t <= hi) };
}

function toRows(comparison: Comparison): Row[] {
  return comparison.points.map((p) => ({
    rows: p.rowsPerDay,
    batchCost: p.batch.costPerDayUsd,
    realtimeCost: p.realtime.costPerDayUsd,
    batchRun: p.batch.durationSeconds,
    realtimeTotal: Math.max(p.realtime.totalSeconds, 0.001),
    realtimeP95: p.realtime.latency ? p.realtime.latency.p95Ms / 1000 : null,
  }));
}

/**
 * Cost and time against volume, log-log, with the learner's volume marked.
 * Recharts loads only with this file. Memoised: a slider move re-renders the
 * panel at once, but the charts only when a new comparison arrives.
 */
function CompareChart({ comparison, tableId }: Props) {
  const reduced = usePrefersReducedMotion();
  const data = useMemo(() => toRows(comparison), [comparison]);
  const first = data[0]?.rows ?? 1e3;
  const last = data.at(-1)?.rows ?? 1e7;
  const ticks = DECADES.filter((d) => d >= first && d <= last);
  const xAxis = (
    <XAxis
      dataKey="rows"
      type="number"
      scale="log"
      domain={[first, last]}
      ticks={ticks}
      tickFormatter={formatRowsShort}
      label={{ value: 'rows per day', position: 'insideBottomRight', offset: -4 }}
      height={40}
    />
  );
  const you = <ReferenceLine x={comparison.current.rowsPerDay} className="bvr-you-line" strokeDasharray="2 3" label={{ value: 'you', position: 'top' }} />;
  const lineProps = { type: 'monotone' as const, dot: { r: 3 }, isAnimationActive: !reduced, connectNulls: true };
  const rowsLabel = (rows: unknown) => `${formatRows(Number(rows))} rows per day`;
  const costAxis = logAxis(data.flatMap((d) => [d.batchCost, d.realtimeCost]), COST_TICKS);
  const timeAxis = logAxis(data.flatMap((d) => [d.batchRun, d.realtimeTotal, d.realtimeP95]), TIME_TICKS);

  return (
    <div className="bvr-charts">
      <figure className="bvr-figure" aria-describedby={tableId}>
        <figcaption>Cost per day (illustrative USD, log scale). Hover or focus the chart and use the arrow keys for exact values.</figcaption>
        <LineChart
          responsive
          style={{ width: '100%', height: 260 }}
          data={data}
          margin={MARGIN}
          title="Cost per day against rows per day"
          desc="Batch and real-time cost per day for each volume. The table below the charts lists the same numbers."
        >
          <CartesianGrid strokeDasharray="3 3" className="bvr-grid" />
          {xAxis}
          <YAxis type="number" scale="log" domain={costAxis.domain} ticks={costAxis.ticks} tickFormatter={formatUsd} width={64} />
          <Tooltip formatter={(v) => formatUsd(Number(v))} labelFormatter={rowsLabel} />
          <Legend />
          {you}
          <Line {...lineProps} dataKey="batchCost" name="Batch job" stroke="var(--bvr-batch)" strokeWidth={2.5} />
          <Line {...lineProps} dataKey="realtimeCost" name="Real-time endpoint" stroke="var(--bvr-realtime)" strokeWidth={2.5} strokeDasharray="7 4" />
        </LineChart>
      </figure>
      <figure className="bvr-figure" aria-describedby={tableId}>
        <figcaption>Time (log scale): one batch run, the endpoint working through the whole day&rsquo;s volume at once, and one request (p95).</figcaption>
        <LineChart
          responsive
          style={{ width: '100%', height: 260 }}
          data={data}
          margin={MARGIN}
          title="Time against rows per day"
          desc="Batch run time, real-time time for the whole volume and real-time p95 latency per request. The table below the charts lists the same numbers."
        >
          <CartesianGrid strokeDasharray="3 3" className="bvr-grid" />
          {xAxis}
          <YAxis type="number" scale="log" domain={timeAxis.domain} ticks={timeAxis.ticks} tickFormatter={(s) => formatTimeTick(Number(s))} width={64} />
          <Tooltip formatter={(v) => formatSeconds(Number(v))} labelFormatter={rowsLabel} />
          <Legend />
          {you}
          <Line {...lineProps} dataKey="batchRun" name="Batch: one run" stroke="var(--bvr-batch)" strokeWidth={2.5} />
          <Line {...lineProps} dataKey="realtimeTotal" name="Real-time: whole volume at once" stroke="var(--bvr-realtime)" strokeWidth={2.5} strokeDasharray="7 4" />
          <Line {...lineProps} dataKey="realtimeP95" name="Real-time: one request (p95)" stroke="var(--bvr-latency)" strokeWidth={2.5} strokeDasharray="2 3" />
        </LineChart>
      </figure>
    </div>
  );
}

export default memo(CompareChart);
