'use client';
// A small log-log line chart drawn as plain SVG. The comparison redraws on
// every settled slider move, and recharts spent well over 50 ms of main-thread
// time per redraw on a busy two-core machine; these few paths and dots cost a
// millisecond or two. Exact values: hover, or focus the chart and use the
// arrow keys (the values are also announced, and listed in the table).
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { logScale, nearestIndex, type LogAxis } from './log-scale';
import { useElementWidth } from './use-element-width';

export interface ChartSeries {
  key: string;
  name: string;
  /** A CSS colour, e.g. var(--bvr-batch). */
  color: string;
  dash?: string;
  /** One value per x; null (or not positive) leaves a gap that the line bridges. */
  values: readonly (number | null)[];
}

interface Props {
  /** Accessible name of the chart. */
  label: string;
  xs: readonly number[];
  xAxis: LogAxis;
  yAxis: LogAxis;
  series: readonly ChartSeries[];
  formatXTick: (x: number) => string;
  formatYTick: (y: number) => string;
  /** Tooltip heading for a point, e.g. "1,000,000 rows per day". */
  formatX: (x: number) => string;
  formatY: (y: number | null) => string;
  xLabel: string;
  /** A dashed vertical line, e.g. at the learner's own volume. */
  marker?: { x: number; label: string };
  /** Id of the element with the same numbers as text. */
  describedBy?: string;
  height?: number;
}

const MARGIN = { top: 22, right: 16, bottom: 40, left: 66 };
const FONT = 12;
const LINE = 16;
/** A rough average glyph width at FONT px, enough to size the tooltip box. */
const CHAR_WIDTH = 6.6;

const usable = (v: number | null | undefined): v is number => typeof v === 'number' && v > 0 && Number.isFinite(v);

function Legend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '0.3rem 1.2rem', padding: 0, margin: '0.2rem 0 0', fontSize: '0.85rem' }}>
      {series.map((s) => (
        <li key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: '0.4rem' }}>
          <svg width="26" height="10" aria-hidden="true" focusable="false">
            <line x1="1" x2="25" y1="5" y2="5" style={{ stroke: s.color }} strokeWidth="2.5" strokeDasharray={s.dash} />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

function Tooltip({ lines, x, width, height }: { lines: string[]; x: number; width: number; height: number }) {
  const boxWidth = Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH + 16;
  const boxHeight = lines.length * LINE + 10;
  const left = x + 12 + boxWidth <= width - 4 ? x + 12 : Math.max(4, x - 12 - boxWidth);
  const top = Math.max(4, Math.min(MARGIN.top, height - boxHeight - 4));
  return (
    <g className="bvr-tooltip" pointerEvents="none">
      <rect x={left} y={top} width={boxWidth} height={boxHeight} rx="4" style={{ fill: 'var(--bg)', stroke: 'var(--fg-muted)' }} />
      {lines.map((line, i) => (
        <text key={line} x={left + 8} y={top + 5 + LINE * (i + 1) - 4} fontSize={FONT} fontWeight={i === 0 ? 700 : 400} style={{ fill: 'var(--fg)' }}>
          {line}
        </text>
      ))}
    </g>
  );
}

export function LogLineChart({ label, xs, xAxis, yAxis, series, formatXTick, formatYTick, formatX, formatY, xLabel, marker, describedBy, height = 260 }: Props) {
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const [active, setActive] = useState<number | null>(null);
  const x = logScale(xAxis.domain, [MARGIN.left, width - MARGIN.right]);
  const y = logScale(yAxis.domain, [height - MARGIN.bottom, MARGIN.top]);
  const clampY = (v: number) => y(Math.min(Math.max(v, yAxis.domain[0]), yAxis.domain[1]));
  const home = marker ? Math.max(0, xs.indexOf(marker.x)) : 0;
  const last = xs.length - 1;

  const onKeyDown = (e: KeyboardEvent) => {
    const from = active ?? home;
    const moves: Record<string, number | null> = { ArrowRight: from + 1, ArrowUp: from + 1, ArrowLeft: from - 1, ArrowDown: from - 1, Home: 0, End: last, Escape: null };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = moves[e.key]!;
    setActive(next === null ? null : Math.max(0, Math.min(last, next)));
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setActive(nearestIndex(xs, ((e.clientX - box.left) / (box.width || 1)) * width, x));
  };
  const lines = active === null ? [] : [formatX(xs[active]!), ...series.map((s) => `${s.name}: ${formatY(s.values[active] ?? null)}`)];

  return (
    <div ref={ref} style={{ position: 'relative', width: '100%' }}>
      <svg
        width={width}
        height={height}
        role="application"
        aria-roledescription="chart"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={0}
        style={{ display: 'block', maxWidth: '100%', touchAction: 'pan-y' }}
        onKeyDown={onKeyDown}
        onFocus={() => setActive((a) => a ?? home)}
        onBlur={() => setActive(null)}
        onPointerMove={onPointerMove}
        onPointerLeave={(e) => document.activeElement !== e.currentTarget && setActive(null)}
      >
        <g aria-hidden="true">
          {yAxis.ticks.map((t) => (
            <g key={`y${t}`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} strokeDasharray="3 3" style={{ stroke: 'var(--border)' }} />
              <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end" fontSize={FONT} style={{ fill: 'var(--fg)' }}>
                {formatYTick(t)}
              </text>
            </g>
          ))}
          {xAxis.ticks.map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={height - MARGIN.bottom} strokeDasharray="3 3" style={{ stroke: 'var(--border)' }} />
              <text x={x(t)} y={height - MARGIN.bottom + 16} textAnchor="middle" fontSize={FONT} style={{ fill: 'var(--fg)' }}>
                {formatXTick(t)}
              </text>
            </g>
          ))}
          <text x={width - MARGIN.right} y={height - 6} textAnchor="end" fontSize={FONT} style={{ fill: 'var(--fg-muted)' }}>
            {xLabel}
          </text>
          <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={height - MARGIN.bottom} style={{ stroke: 'var(--fg-muted)' }} />
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={height - MARGIN.bottom} y2={height - MARGIN.bottom} style={{ stroke: 'var(--fg-muted)' }} />
          {marker && (
            <g className="bvr-you-line">
              <line x1={x(marker.x)} x2={x(marker.x)} y1={MARGIN.top} y2={height - MARGIN.bottom} strokeDasharray="2 3" style={{ stroke: 'var(--fg)' }} />
              <text x={x(marker.x)} y={MARGIN.top - 6} textAnchor="middle" fontSize={FONT} style={{ fill: 'var(--fg)' }}>
                {marker.label}
              </text>
            </g>
          )}
          {series.map((s) => {
            const points = xs.flatMap((xv, i) => (usable(s.values[i]) ? [[x(xv), clampY(s.values[i]!)] as const] : []));
            return (
              <g key={s.key} data-series={s.key}>
                <path d={points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)} ${py.toFixed(1)}`).join(' ')} fill="none" strokeWidth="2.5" strokeDasharray={s.dash} style={{ stroke: s.color }} />
                {points.map(([px, py]) => (
                  <circle key={px} cx={px} cy={py} r="3" style={{ fill: 'var(--bg)', stroke: s.color }} strokeWidth="2" />
                ))}
              </g>
            );
          })}
          {active !== null && (
            <>
              <line x1={x(xs[active]!)} x2={x(xs[active]!)} y1={MARGIN.top} y2={height - MARGIN.bottom} style={{ stroke: 'var(--fg-muted)' }} />
              <Tooltip lines={lines} x={x(xs[active]!)} width={width} height={height} />
            </>
          )}
        </g>
      </svg>
      <p className="visually-hidden" aria-live="polite">
        {lines.join('; ')}
      </p>
      <Legend series={series} />
    </div>
  );
}
