'use client';
// Readiness of each section of one chapter as horizontal bars, with the exact
// figures and their parts on hover or with the arrow keys. Loaded lazily by
// ReadinessView, so recharts stays out of the page's first load. No animation
// at all, so there is nothing for prefers-reduced-motion to stop.
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis, type BaseTickContentProps, type TooltipContentProps } from 'recharts';
import type { SectionReadiness } from '@/app/_quiz/readiness';
import { partText, readinessText } from './readiness-format';

const ROW = 28;
const MARGIN = { top: 4, right: 16, bottom: 24, left: 4 };
const LABEL_CHARS = 24;

interface Row {
  key: string;
  label: string;
  value: number;
  section: SectionReadiness;
}

const short = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1).trimEnd()}…` : text);

/** Plain SVG text: recharts' own tick measures every label in the DOM. */
function SectionTick({ x, y, payload }: BaseTickContentProps) {
  return (
    <text x={x} y={y} dy="0.355em" textAnchor="end" className="readiness-tick">
      {short(String(payload.value))}
    </text>
  );
}

function PercentTick({ x, y, payload }: BaseTickContentProps) {
  return (
    <text x={x} y={y} dy="0.71em" textAnchor="middle" className="readiness-tick">
      {`${payload.value}%`}
    </text>
  );
}

function ReadinessTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  const s = row.section;
  return (
    <div className="readiness-tooltip">
      <p>
        {s.title}: {readinessText(s)}
      </p>
      <dl>
        <dt>Quiz</dt>
        <dd>{partText(s.parts.quiz, 'quiz')}</dd>
        <dt>Cards</dt>
        <dd>{partText(s.parts.cards, 'cards')}</dd>
        <dt>Drills</dt>
        <dd>{partText(s.parts.drills, 'drills')}</dd>
      </dl>
    </div>
  );
}

const barClass = (v: number) => (v >= 80 ? 'readiness-bar-high' : v >= 50 ? 'readiness-bar-mid' : 'readiness-bar-low');

export default function ReadinessChart({ rows, title }: { rows: SectionReadiness[]; title: string }) {
  const data: Row[] = rows.map((r) => ({ key: `${r.slug}#${r.id}`, label: r.title, value: Math.round(r.readiness * 100), section: r }));
  return (
    <div className="readiness-chart">
      <BarChart
        width="100%"
        height={rows.length * ROW + MARGIN.top + MARGIN.bottom}
        responsive
        data={data}
        layout="vertical"
        margin={MARGIN}
        title={`Readiness by section, ${title}`}
        desc="Use the arrow keys to read each section's readiness and its parts."
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} className="readiness-grid" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={PercentTick} interval={0} />
        <YAxis type="category" dataKey="label" width={170} tick={SectionTick} interval={0} />
        <Tooltip content={ReadinessTooltip} isAnimationActive={false} cursor={{ className: 'readiness-cursor' }} />
        <Bar dataKey="value" name="Readiness" isAnimationActive={false} minPointSize={2}>
          {data.map((d) => (
            <Cell key={d.key} className={barClass(d.value)} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
