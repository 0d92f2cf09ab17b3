'use client';
// The job as a Gantt chart: one row per node/process, one bar per run()
// attempt coloured by outcome. Drawn as plain SVG with its own scales (see
// gantt-axis): it is the chart a learner watches while moving a slider, so it
// must redraw within a frame, and it needs no recharts code to appear. Hover,
// or focus and the arrow keys, read out a bar's exact values.
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { LabView } from '@/app/_features/lab/model/protocol';
import { useLab } from '@/app/_features/lab/use-lab';
import { CATEGORY_LABELS, CATEGORY_ORDER } from './categories';
import { summarize } from './gantt-summary';
import { ChartFigure } from './ChartFigure';
import { linearScale, niceTicks, type Scale } from './gantt-axis';
import { ganttModel, moveFocus, type GanttBar } from './gantt-bars';
import { useStaggered } from './use-staggered';
import { useFrameCursor } from './frame-cursor';

// The left margin holds the lane labels; the bottom one the time axis.
const MARGIN = { top: 8, right: 16, bottom: 50, left: 100 };
const TICK = 6;
const secondsTick = (v: number) => `${Math.round(v)} s`;

interface LayerProps {
  bars: readonly GanttBar[];
  active: number;
  /** The replay cursor, or null at the end of the run. */
  cursor: number | null;
  x: Scale;
  /** Row index → centre of its band. */
  y: Scale;
  rowHeight: number;
}

/** Bars and the replay cursor (clipped to the plot by the caller). */
function GanttLayer({ bars, active, cursor, x, y, rowHeight }: LayerProps) {
  const pad = rowHeight > 6 ? rowHeight * 0.12 : 0;
  const cursorX = cursor === null ? null : x(cursor);
  return (
    <g className="lab-gantt-bars">
      {bars.map((bar, i) => {
        const left = x(bar.start);
        const right = x(bar.end);
        const top = y(bar.rowFrom) - rowHeight / 2 + pad;
        const bottom = y(bar.rowTo) + rowHeight / 2 - pad;
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
      {cursorX !== null && <line x1={cursorX} x2={cursorX} y1={y.range[0]} y2={y.range[1]} className="lab-cursor" strokeWidth={2} />}
    </g>
  );
}

/** One label per node, left of its first lane. */
function LaneLabels({ labels, y }: { labels: readonly (readonly [number, string])[]; y: Scale }) {
  return (
    <g>
      {labels.map(([row, label]) => (
        <text key={row} x={MARGIN.left - 8} y={y(row)} textAnchor="end" dominantBaseline="middle" className="lab-lane-label">
          {label}
        </text>
      ))}
    </g>
  );
}

/** The time axis under the plot. Class names as recharts', so the page's chart styles apply alike. */
function TimeAxis({ x, top }: { x: Scale; top: number }) {
  const [from, to] = x.domain;
  const [left, right] = x.range;
  return (
    <g className="recharts-cartesian-axis" aria-hidden="true">
      <line x1={left} x2={right} y1={top} y2={top} className="recharts-cartesian-axis-line" />
      {niceTicks(from, to).map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top} y2={top + TICK} className="recharts-cartesian-axis-tick-line" />
          <text x={x(tick)} y={top + TICK + 2} dy="0.71em" textAnchor="middle">
            {secondsTick(tick)}
          </text>
        </g>
      ))}
      <text x={(left + right) / 2} y={top + 40} textAnchor="middle">
        virtual seconds
      </text>
    </g>
  );
}

/** The element's width, from a ResizeObserver (no forced layout on redraws). */
function useWidth(el: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.round(entries[0]?.contentRect.width ?? 0);
      setWidth((previous) => (previous === next ? previous : next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  // Without an observer (an old browser, or a test DOM) a usual width still draws the chart.
  return typeof ResizeObserver === 'undefined' ? 640 : width;
}

export function GanttChart() {
  const view = useLab((s) => s.view);
  const viewId = useLab((s) => s.viewId);
  // The replay cursor as of the last frame: Step or the replay loop move it at most one redraw per frame.
  const t = useFrameCursor();
  // Drawn in a task of its own, after the light panels have taken the result.
  const shown = useStaggered(useMemo(() => ({ view, viewId, t }), [view, viewId, t]), { first: true });
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
  const clipId = `${useId().replace(/:/g, '')}-clip`;
  const cursor = t ?? view?.durationSeconds ?? 0;
  const model = useMemo(() => (view ? ganttModel(view, cursor, showStartup) : null), [view, cursor, showStartup]);
  const rows = model?.rows ?? 1;
  // A state ref: the plot appears only with the first result, and the observer must start then.
  const [plot, setPlot] = useState<HTMLDivElement | null>(null);
  const width = useWidth(plot);
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
    if (!el || !viewId || width === 0) return;
    const frame = requestAnimationFrame(() => {
      el.dataset.viewId = String(viewId);
      el.dataset.renderedAt = String(performance.now());
    });
    return () => cancelAnimationFrame(frame);
  }, [viewId, view, width]);

  if (!view || !model) return <div className="lab-chart-skeleton" aria-hidden="true" />;
  const { counts, text } = summarize(view, cursor);
  const active = activeKey === null ? -1 : model.bars.findIndex((b) => b.key === activeKey);
  const setActive = (index: number) => setActiveKey(model.bars[index]?.key ?? null);
  const focused = model.bars[active];
  // One height for up to ~22 lanes, so the page below does not jump with each run.
  const height = Math.max(340, Math.min(520, model.rows * 12 + 70));
  const plotBottom = height - MARGIN.bottom;
  const x = linearScale(model.domain, [MARGIN.left, Math.max(MARGIN.left + 1, width - MARGIN.right)]);
  const rowHeight = (plotBottom - MARGIN.top) / model.rows;
  const y = linearScale([-0.5, model.rows - 0.5], [MARGIN.top, plotBottom]);
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
          ref={setPlot}
          className="lab-chart lab-chart-focusable"
          tabIndex={0}
          role="group"
          aria-label="Timeline bars"
          aria-describedby={helpId}
          onKeyDown={onKeyDown}
          onFocus={() => active === -1 && model.bars.length > 0 && setActive(0)}
          onMouseOver={onMouseOver}
        >
          <svg width="100%" height={height} className="lab-gantt-svg" aria-hidden="true">
            {width > 0 && (
              <>
                <defs>
                  <clipPath id={clipId}>
                    <rect x={MARGIN.left} y={0} width={Math.max(0, width - MARGIN.left - MARGIN.right)} height={height} />
                  </clipPath>
                </defs>
                <TimeAxis x={x} top={plotBottom} />
                <LaneLabels labels={laneLabels} y={y} />
                <g clipPath={`url(#${clipId})`}>
                  <GanttLayer bars={model.bars} active={active} cursor={t === null ? null : cursor} x={x} y={y} rowHeight={rowHeight} />
                </g>
              </>
            )}
          </svg>
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
