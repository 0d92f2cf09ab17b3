// Axis tick labels drawn as plain SVG text. recharts' own tick label measures
// every new label in the DOM, and with its default interval it measures them
// again to drop overlapping ones: each measurement after a redraw forces a
// layout of the whole page, which made a redraw cost tens of milliseconds.
// The lab's axes have few ticks that always fit, so neither is needed.
import type { ReactElement } from 'react';
import type { BaseTickContentProps } from 'recharts';

// The offsets recharts' Text uses for one line of text.
const DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

export function PlainTick({ x, y, textAnchor, verticalAnchor, fill, className, index, payload, tickFormatter }: BaseTickContentProps): ReactElement {
  const text = tickFormatter ? tickFormatter(payload.value, index) : String(payload.value);
  return (
    <text x={x} y={y} dy={DY[verticalAnchor]} textAnchor={textAnchor} fill={fill} className={className}>
      {text}
    </text>
  );
}

/** Spread on an XAxis or YAxis: every tick shown (no overlap check) and drawn as plain text. */
export const PLAIN_TICKS = { tick: PlainTick, interval: 0 } as const;
