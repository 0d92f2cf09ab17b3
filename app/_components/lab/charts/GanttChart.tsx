'use client';
// The job as a Gantt chart: one row per node/process, one bar per run()
// attempt coloured by outcome. Bars are drawn inside a recharts chart with its
// own scales; hover, or focus and the arrow keys, read out a bar's exact values.
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ComposedChart, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { LabView } from '@/app/_lab/protocol';
import { useLab } from '@/app/_lab/use-lab';
import { CATEGORY_LABELS, CATEGORY_ORDER, type DrawnCategory } from './categories';
import { ChartFigure } from './ChartFigure';
import { ganttModel, moveFocus, type GanttBar } from './gantt-bars';
import { useStaggered } from './use-staggered';

interface LayerProps {
  bars: readonly GanttBar[];
  active: number;
  /** Row index → label, for each row that gets one. */
  labels: readonly (readonly [number, string])[];
  /** The replay cursor, or null at the end of the run. */
  cursor: number | null;
}

/**
 * Bars, lane labels and the replay cursor, drawn with the chart's scales. Only
 * the x axis is a recharts axis; everything that changes during a replay is
 * drawn here, so a replay frame does not make recharts re-register anything.
 */
function GanttLayer({ bars, active, labels, cursor }: LayerProps) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  const y0 = y(0) ?? 0;
  const rowHeight = Math.abs((y(1) ?? y0 + 10) - y0);
  const pad = rowHeight > 6 ? rowHeight * 0.12 : 0;
  const cursorX = cursor === null ? null : x(cursor);
  return (
    <g className="lab-gantt-bars">
      {labels.map(([row, label]) => (
        <text key={row} x={plot.x - 8} y={y(row)} textAnchor="end" dominantBaseline="middle" className="lab-lane-label">
          {label}
        </text>
      ))}
      {bars.map((bar, i) => {
        const left = x(bar.start) ?? 0;
        const right = x(bar.end) ?? left;
        const top = (y(bar.rowFrom) ?? 0) - rowHeight / 2 + pad;
        const bottom = (y(bar.rowTo) ?? 0) + rowHeight / 2 - pad;
        return (
          <rect
            key={bar.key}
            data-index={i}
            x={left}
            y={top}
            width={Math.max(1, right - left)}
            height={Math.max(1, bottom - top)}
            className={`lab-cat lab-cat-${bar.category}${i === active ? ' lab-bar-active' : ''}`}
          />
        );
      })}
      {cursorX !== null && cursorX !== undefined && <line x1={cursorX} x2={cursorX} y1={plot.y} y2={plot.y + plot.height} className="lab-cursor" strokeWidth={2} />}
    </g>
  );
}

// The left margin holds the lane labels drawn by GanttLayer.
const MARGIN = { top: 8, right: 16, bottom: 20, left: 100 };
const X_LABEL = { value: 'virtual seconds', position: 'insideBottom', offset: -12 } as const;
const secondsTick = (v: number) => `${Math.round(v)} s`;

function summarize(view: LabView, bars: readonly GanttBar[]) {
  const counts = new Map<DrawnCategory, number>();
  for (const bar of bars) if (bar.category !== 'startup') counts.set(bar.category, (counts.get(bar.category) ?? 0) + 1);
  const parts = CATEGORY_ORDER.filter((c) => counts.has(c)).map((c) => `${counts.get(c)} ${CATEGORY_LABELS[c]}`);
  const nodes = new Set(view.lanes.map((l) => l.node)).size;
  return { counts, text: `${view.lanes.length} process lanes on ${nodes} nodes${parts.length ? `: ${parts.join(', ')}` : ': no run() attempt yet'}${view.merged ? ' (back-to-back attempts with the same outcome are merged into one bar)' : ''}.` };
}

export function GanttChart() {
  const view = useLab((s) => s.view);
  const viewId = useLab((s) => s.viewId);
  const t = useLab((s) => s.playback.t);
  // Drawn in a task of its own, after the light panels have taken the result.
  const shown = useStaggered(useMemo(() => ({ view, viewId, t }), [view, viewId, t]));
  return <GanttFigure view={shown.view} viewId={shown.viewId} t={shown.t} />;
}

// Memoised, with stable props for recharts: each changed prop makes recharts
// re-register the axis or series, which is most of its cost.
const GanttFigure = memo(function GanttFigure({ view, viewId, t }: { view: LabView | null; viewId: number; t: number | null }) {
  const [showStartup, setShowStartup] = useState(false);
  // By key, so the selection survives the replay adding bars.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const figureRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  const cursor = t ?? view?.durationSeconds ?? 0;
  const model = useMemo(() => (view ? ganttModel(view, cursor, showStartup) : null), [view, cursor, showStartup]);
  const rows = model?.rows ?? 1;
  const domain = model?.domain;
  const xDomain = useMemo(() => domain ?? [0, 1], [domain?.[0], domain?.[1]]); // eslint-disable-line react-hooks/exhaustive-deps
  const yDomain = useMemo(() => [-0.5, rows - 0.5], [rows]);
  const labels = model?.rowLabels;
  const labelKey = labels?.join('|');
  const laneLabels = useMemo(() => {
    const lanes = view?.lanes ?? [];
    const names = labels ?? [];
    // Label each node's first lane only; a label per process would not fit.
    const rowsWithLabel = lanes.filter((l) => l.process === 0).map((l) => l.index).concat(rows > lanes.length ? [lanes.length] : []);
    return rowsWithLabel.map((row) => [row, (names[row] ?? '').replace('/process000', '')] as const);
  }, [labelKey, rows]); // eslint-disable-line react-hooks/exhaustive-deps

  // A marker the bench and tests read: which result is drawn, and when it was drawn.
  useEffect(() => {
    const el = figureRef.current;
    if (!el || !viewId) return;
    const frame = requestAnimationFrame(() => {
      el.dataset.viewId = String(viewId);
      el.dataset.renderedAt = String(performance.now());
    });
    return () => cancelAnimationFrame(frame);
  }, [viewId, view]);

  if (!view || !model) return <div className="lab-chart-skeleton" aria-hidden="true" />;
  const { counts, text } = summarize(view, model.bars);
  const active = activeKey === null ? -1 : model.bars.findIndex((b) => b.key === activeKey);
  const setActive = (index: number) => setActiveKey(model.bars[index]?.key ?? null);
  const focused = model.bars[active];
  // One height for up to ~22 lanes: a chart that changes size re-measures and redraws twice.
  const height = Math.max(340, Math.min(520, model.rows * 12 + 70));
  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveFocus(model.bars, active, event.key);
    if (next === active && active !== -1) return;
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      setActive(next);
    }
  };
  const onMouseOver = (event: MouseEvent) => {
    const index = (event.target as Element).getAttribute?.('data-index');
    if (index !== null && index !== undefined) setActive(Number(index));
  };
  const table = {
    caption: 'Attempts per process lane',
    columns: ['Lane', 'Attempts', 'Outcomes', 'Busy seconds'],
    rows: view.lanes.map((lane) => {
      const own = view.segments.filter((seg) => seg.lane === lane.index && seg.start <= cursor);
      const outcomes = [...new Set(own.map((seg) => CATEGORY_LABELS[seg.category]))].join(', ');
      const busy = own.reduce((sum, seg) => sum + Math.min(seg.end, cursor) - seg.start, 0);
      return [lane.label, own.reduce((n, seg) => n + seg.attempts, 0), outcomes || 'none', busy.toFixed(2)];
    }),
  };

  return (
    <ChartFigure id="lab-gantt" title="Timeline of run() attempts per node and process" summary={text} table={table}>
      <div ref={figureRef} className="lab-gantt" data-testid="lab-gantt" data-lanes={view.lanes.length}>
        <label className="lab-inline-check">
          <input type="checkbox" checked={showStartup} onChange={(e) => setShowStartup(e.currentTarget.checked)} /> Show node start-up (from 0 s)
        </label>
        <div
          className="lab-chart lab-chart-focusable"
          tabIndex={0}
          role="group"
          aria-label="Timeline bars"
          aria-describedby={helpId}
          onKeyDown={onKeyDown}
          onFocus={() => active === -1 && model.bars.length > 0 && setActive(0)}
          onMouseOver={onMouseOver}
        >
          <ComposedChart width="100%" height={height} responsive accessibilityLayer={false} margin={MARGIN}>
            <XAxis type="number" dataKey="t" domain={xDomain} allowDataOverflow tickFormatter={secondsTick} label={X_LABEL} />
            <YAxis type="number" domain={yDomain} reversed allowDataOverflow hide />
            <GanttLayer bars={model.bars} active={active} labels={laneLabels} cursor={t === null ? null : cursor} />
          </ComposedChart>
        </div>
        <p id={helpId} className="lab-muted lab-small">
          Hover a bar, or focus the chart and use the arrow keys (left/right along a lane, up/down between lanes).
        </p>
        <p className="lab-readout" aria-live="polite" data-testid="lab-gantt-readout">
          {focused ? focused.text : 'No bar selected.'}
        </p>
        <ul className="lab-legend" aria-label="Colours of the timeline">
          {CATEGORY_ORDER.map((c) => (
            <li key={c}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" className={`lab-cat lab-cat-${c}`} />
              </svg>
              {CATEGORY_LABELS[c]}
              {c !== 'startup' && ` (${counts.get(c) ?? 0})`}
            </li>
          ))}
        </ul>
      </div>
    </ChartFigure>
  );
});
