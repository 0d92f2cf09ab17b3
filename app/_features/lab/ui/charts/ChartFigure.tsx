'use client';
// A chart with its text alternative: a caption that states the finding, and
// the numbers as a table for screen readers (visually hidden).
import type { ReactNode } from 'react';

export interface DataTable {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

export interface ChartFigureProps {
  id: string;
  title: string;
  summary: ReactNode;
  table?: DataTable;
  children: ReactNode;
  /** Extra attributes for the bench and tests (e.g. which result is drawn). */
  dataAttributes?: Record<string, string>;
}

const MAX_TABLE_ROWS = 60;

/** The description recharts' keyboard layer gets: how to read exact values without a mouse. */
export const ARROWS = 'Use the left and right arrow keys to read each point.';

export function ChartFigure({ id, title, summary, table, children, dataAttributes }: ChartFigureProps) {
  const rows = table ? table.rows.slice(0, MAX_TABLE_ROWS) : [];
  return (
    <figure className="lab-figure" aria-labelledby={`${id}-title`} {...dataAttributes}>
      <figcaption>
        <span id={`${id}-title`} className="lab-figure-title">
          {title}
        </span>
        <span className="lab-figure-summary">{summary}</span>
      </figcaption>
      {children}
      {/* The wrapper hides the table: overflow and clipping do not apply to table boxes themselves. */}
      {table && (
        <div className="visually-hidden">
          <table>
            <caption>
              {table.caption}
              {table.rows.length > rows.length ? ` (first ${rows.length} of ${table.rows.length} rows)` : ''}
            </caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

/** Tooltip body with exact values, shared by the recharts charts. */
export function TooltipBox({ title, rows }: { title: string; rows: readonly [string, string][] }) {
  return (
    <div className="lab-tooltip">
      <p className="lab-tooltip-title">{title}</p>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
