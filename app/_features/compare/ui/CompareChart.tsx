'use client';
// Cost and time against volume, log-log, with the learner's volume marked.
// Memoised: a slider move re-renders the panel at once, but the charts only
// when a new comparison arrives from the worker.
import { memo, useMemo } from 'react';
import type { Comparison } from '@/engine/index';
import { formatSeconds, formatUsd } from '@/app/_platform/format';
import { formatRows, formatRowsShort, formatTimeTick } from '../model/format';
import { logAxis } from './log-scale';
import { LogLineChart, type ChartSeries } from './LogLineChart';

interface Props {
  comparison: Comparison;
  /** Id of the table that holds the same numbers as text. */
  tableId: string;
}

const DECADES = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
const COST_TICKS = [0.001, 0.01, 0.1, 1, 10, 100, 1000, 10_000, 100_000];
const TIME_TICKS = [0.001, 0.01, 0.1, 1, 10, 60, 600, 3600, 6 * 3600, 86_400, 7 * 86_400, 70 * 86_400];

function chartData(comparison: Comparison) {
  const points = comparison.points;
  const xs = points.map((p) => p.rowsPerDay);
  const cost: ChartSeries[] = [
    { key: 'batchCost', name: 'Batch job', color: 'var(--bvr-batch)', values: points.map((p) => p.batch.costPerDayUsd) },
    { key: 'realtimeCost', name: 'Real-time endpoint', color: 'var(--bvr-realtime)', dash: '7 4', values: points.map((p) => p.realtime.costPerDayUsd) },
  ];
  const time: ChartSeries[] = [
    { key: 'batchRun', name: 'Batch: one run', color: 'var(--bvr-batch)', values: points.map((p) => p.batch.durationSeconds) },
    // A volume the endpoint clears instantly still needs a point on a log axis.
    { key: 'realtimeTotal', name: 'Real-time: whole volume at once', color: 'var(--bvr-realtime)', dash: '7 4', values: points.map((p) => Math.max(p.realtime.totalSeconds, 0.001)) },
    { key: 'realtimeP95', name: 'Real-time: one request (p95)', color: 'var(--bvr-latency)', dash: '2 3', values: points.map((p) => (p.realtime.latency ? p.realtime.latency.p95Ms / 1000 : null)) },
  ];
  const first = xs[0] ?? 1e3;
  const last = xs.at(-1) ?? 1e7;
  const xAxis = { domain: [first, last] as [number, number], ticks: DECADES.filter((d) => d >= first && d <= last) };
  return {
    xs,
    xAxis,
    cost,
    time,
    costAxis: logAxis(cost.flatMap((s) => s.values), COST_TICKS),
    timeAxis: logAxis(time.flatMap((s) => s.values), TIME_TICKS),
  };
}

const rowsLabel = (rows: number) => `${formatRows(rows)} rows per day`;
const usdTick = (usd: number) => formatUsd(usd, 'rounded');

function CompareChart({ comparison, tableId }: Props) {
  const data = useMemo(() => chartData(comparison), [comparison]);
  const shared = {
    xs: data.xs,
    xAxis: data.xAxis,
    formatXTick: formatRowsShort,
    formatX: rowsLabel,
    xLabel: 'rows per day',
    marker: { x: comparison.current.rowsPerDay, label: 'you' },
    describedBy: tableId,
  };
  return (
    <div className="bvr-charts">
      <figure className="bvr-figure" aria-describedby={tableId}>
        <figcaption>Cost per day (illustrative USD, log scale). Hover, or focus the chart and use the arrow keys, for exact values.</figcaption>
        <LogLineChart
          {...shared}
          label="Cost per day against rows per day"
          yAxis={data.costAxis}
          series={data.cost}
          formatYTick={usdTick}
          formatY={(v) => (v === null ? 'n/a' : formatUsd(v, 'rounded'))}
        />
      </figure>
      <figure className="bvr-figure" aria-describedby={tableId}>
        <figcaption>Time (log scale): one batch run, the endpoint working through the whole day&rsquo;s volume at once, and one request (p95).</figcaption>
        <LogLineChart
          {...shared}
          label="Time against rows per day"
          yAxis={data.timeAxis}
          series={data.time}
          formatYTick={formatTimeTick}
          formatY={(v) => (v === null ? 'overloaded (no steady state)' : formatSeconds(v, 'span'))}
        />
      </figure>
    </div>
  );
}

export default memo(CompareChart);
