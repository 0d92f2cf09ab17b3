'use client';
// What-if sweeps computed in the worker: the same job at several node counts
// and several mini-batch sizes.
import { memo, useRef, type RefObject } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { PLAIN_TICKS } from './plain-tick';
import type { SweepKind, SweepPoint } from '@/app/_features/lab/model/protocol';
import { bestPoint, scalingNote } from '@/app/_features/lab/model/sweeps';
import { useLab } from '@/app/_features/lab/use-lab';
import { formatCount, formatSeconds, formatUsd } from '../format';
import { ARROWS, ChartFigure, TooltipBox } from './ChartFigure';
import { useStaggered } from './use-staggered';

const MARGIN = { top: 12, right: 8, bottom: 20, left: 8 };

interface SweepData {
  points: SweepPoint[];
  stale: boolean;
}

function useSweep(kind: SweepKind, gate: RefObject<HTMLDivElement | null>): SweepData | null {
  const sweep = useLab((s) => s.sweeps[kind]);
  const stale = useLab((s) => s.sweeps[kind] !== undefined && s.sweeps[kind]?.id !== s.requestId);
  const shown = useStaggered(sweep, { gate, initial: undefined });
  return shown ? { points: shown.points, stale } : null;
}

const secondsTick = (v: number) => `${Math.round(v)} s`;
const dollarTick = (v: number) => `$${v.toFixed(2)}`;
const NODE_LABEL = { value: 'node_count', position: 'insideBottom', offset: -12 } as const;
const BATCH_LABEL = { value: 'mini_batch_size', position: 'insideBottom', offset: -12 } as const;

function sweepTooltip(kind: SweepKind) {
  return function SweepTooltip({ active, payload }: TooltipContentProps) {
    const p = payload?.[0]?.payload as SweepPoint | undefined;
    if (!active || !p) return null;
    const rows: [string, string][] =
      p.status === 'Invalid'
        ? [['Result', 'not a valid setting']]
        : [
            ['Status', p.status],
            ['Virtual duration', formatSeconds(p.durationSeconds)],
            ['Illustrative cost', formatUsd(p.costUsd)],
            ['Failed items', formatCount(p.failedItems)],
            ['Mini-batches', formatCount(p.miniBatches)],
          ];
    return <TooltipBox title={`${kind} = ${p.label}${p.current ? ' (current)' : ''}`} rows={rows} />;
  };
}

function Pending({ title }: { title: string }) {
  return (
    <figure className="lab-figure">
      <figcaption>
        <span className="lab-figure-title">{title}</span>
        <span className="lab-figure-summary">Computing the sweep in the background…</span>
      </figcaption>
      <div className="lab-chart-skeleton" aria-hidden="true" />
    </figure>
  );
}


const nodeTooltip = sweepTooltip('node_count');
const batchTooltip = sweepTooltip('mini_batch_size');

export function NodeSweepChart() {
  const gate = useRef<HTMLDivElement>(null);
  const sweep = useSweep('node_count', gate);
  return (
    <div ref={gate} className="lab-chart-slot">
      <NodeSweepFigure points={sweep?.points ?? null} stale={sweep?.stale ?? false} />
    </div>
  );
}

const NodeSweepFigure = memo(function NodeSweepFigure({ points, stale }: { points: SweepPoint[] | null; stale: boolean }) {
  const title = 'What if: duration and cost against node_count';
  if (!points) return <Pending title={title} />;
  const fastest = bestPoint(points, 'durationSeconds');
  const cheapest = bestPoint(points, 'costUsd');
  return (
    <ChartFigure
      id="lab-sweep-nodes"
      title={title}
      summary={`${stale ? '(Updating.) ' : ''}Fastest at node_count ${fastest?.label ?? '?'} (${fastest ? formatSeconds(fastest.durationSeconds) : '?'}), cheapest at node_count ${cheapest?.label ?? '?'} (${cheapest ? formatUsd(cheapest.costUsd) : '?'}). ${scalingNote(points)}`}
      table={{ caption: 'Sweep over node_count', columns: ['node_count', 'Status', 'Seconds', 'Cost USD', 'Failed items'], rows: points.map((p) => [p.label, p.status, p.durationSeconds.toFixed(1), p.costUsd.toFixed(4), p.failedItems]) }}
    >
      <div className={`lab-chart${stale ? ' lab-stale' : ''}`}>
        <NodeSweepPlot points={points} />
      </div>
      <ul className="lab-legend" aria-hidden="true">
        <li>
          <span className="lab-swatch lab-bar-time" /> duration (bars, left)
        </li>
        <li>
          <span className="lab-swatch lab-bar-current" /> current setting
        </li>
        <li>
          <span className="lab-swatch-line lab-swatch-cost" /> cost (line, right)
        </li>
      </ul>
    </ChartFigure>
  );
});

// The plots are memoised on the points alone: "(Updating.)" while a newer
// sweep is computed must not make recharts redraw (it redraws everything).
const NodeSweepPlot = memo(function NodeSweepPlot({ points }: { points: SweepPoint[] }) {
  return (
    <ComposedChart width="100%" height={230} responsive data={points} margin={MARGIN} title="Duration and cost against node_count" desc={ARROWS}>
      <CartesianGrid strokeDasharray="3 3" className="lab-grid" />
      <XAxis {...PLAIN_TICKS} dataKey="label" label={NODE_LABEL} />
      <YAxis {...PLAIN_TICKS} yAxisId="time" width={56} tickFormatter={secondsTick} />
      <YAxis {...PLAIN_TICKS} yAxisId="cost" orientation="right" width={60} tickFormatter={dollarTick} />
      <Tooltip content={nodeTooltip} isAnimationActive={false} />
      <Bar yAxisId="time" dataKey="durationSeconds" name="Virtual duration" isAnimationActive={false}>
        {points.map((p) => (
          <Cell key={p.label} className={p.current ? 'lab-bar-current' : 'lab-bar-time'} />
        ))}
      </Bar>
      <Line yAxisId="cost" dataKey="costUsd" name="Illustrative cost" stroke="var(--lab-cost-line)" strokeWidth={2} isAnimationActive={false} />
    </ComposedChart>
  );
});

export function MiniBatchSweepChart() {
  const gate = useRef<HTMLDivElement>(null);
  const sweep = useSweep('mini_batch_size', gate);
  return (
    <div ref={gate} className="lab-chart-slot">
      <MiniBatchSweepFigure points={sweep?.points ?? null} stale={sweep?.stale ?? false} />
    </div>
  );
}

const MiniBatchSweepFigure = memo(function MiniBatchSweepFigure({ points, stale }: { points: SweepPoint[] | null; stale: boolean }) {
  const title = 'What if: duration and failures against mini_batch_size';
  if (!points) return <Pending title={title} />;
  const fastest = bestPoint(points, 'durationSeconds');
  const failing = points.filter((p) => p.status === 'Failed').map((p) => p.label);
  return (
    <ChartFigure
      id="lab-sweep-batches"
      title={title}
      summary={`${stale ? '(Updating.) ' : ''}Small batches pay the per-call overhead many times; large ones risk timeouts and memory. Fastest here: ${fastest?.label ?? '?'}. ${failing.length ? `Failed at ${failing.join(', ')}.` : 'Every size completed.'}`}
      table={{ caption: 'Sweep over mini_batch_size', columns: ['mini_batch_size', 'Status', 'Seconds', 'Failed items', 'Mini-batches'], rows: points.map((p) => [p.label, p.status, p.durationSeconds.toFixed(1), p.failedItems, p.miniBatches]) }}
    >
      <div className={`lab-chart${stale ? ' lab-stale' : ''}`}>
        <MiniBatchSweepPlot points={points} />
      </div>
      <ul className="lab-legend" aria-hidden="true">
        <li>
          <span className="lab-swatch lab-bar-time" /> duration (bars, left)
        </li>
        <li>
          <span className="lab-swatch lab-bar-current" /> current setting
        </li>
        <li>
          <span className="lab-swatch lab-bar-failed" /> job failed
        </li>
        <li>
          <span className="lab-swatch-line lab-swatch-bad" /> failed items (line, right)
        </li>
      </ul>
    </ChartFigure>
  );
});

const MiniBatchSweepPlot = memo(function MiniBatchSweepPlot({ points }: { points: SweepPoint[] }) {
  return (
    <ComposedChart width="100%" height={230} responsive data={points} margin={MARGIN} title="Duration and failures against mini_batch_size" desc={ARROWS}>
      <CartesianGrid strokeDasharray="3 3" className="lab-grid" />
      <XAxis {...PLAIN_TICKS} dataKey="label" label={BATCH_LABEL} />
      <YAxis {...PLAIN_TICKS} yAxisId="time" width={56} tickFormatter={secondsTick} />
      <YAxis {...PLAIN_TICKS} yAxisId="fail" orientation="right" width={52} allowDecimals={false} />
      <Tooltip content={batchTooltip} isAnimationActive={false} />
      <Bar yAxisId="time" dataKey="durationSeconds" name="Virtual duration" isAnimationActive={false}>
        {points.map((p) => (
          <Cell key={p.label} className={p.current ? 'lab-bar-current' : p.status === 'Failed' ? 'lab-bar-failed' : 'lab-bar-time'} />
        ))}
      </Bar>
      <Line yAxisId="fail" dataKey="failedItems" name="Failed items" stroke="var(--lab-bad-line)" strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} />
    </ComposedChart>
  );
});
