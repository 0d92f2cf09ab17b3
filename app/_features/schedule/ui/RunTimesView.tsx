import { formatInZone, formatUtc } from '../model/format-time';
import { TIMELINE_PAD, TIMELINE_WIDTH, timelineLayout } from '../model/timeline';

interface Props {
  times: string[];
  zone: string;
  now: string;
  problemCount: number;
}

/** The run times as a table (the text everyone gets) and a timeline drawn from it. */
export function RunTimesView({ times, zone, now, problemCount }: Props) {
  if (problemCount > 0) {
    return (
      <p className="schedx-blocked" role="status">
        No run times: fix the {problemCount === 1 ? 'problem' : `${problemCount} problems`} shown beside the controls first.
      </p>
    );
  }
  const first = times[0];
  return (
    <div className="schedx-runs">
      <p role="status" className="schedx-summary">
        {first ? `First run ${formatInZone(first, zone)}, which is ${formatUtc(first)}.` : 'This schedule has no further runs.'}
      </p>
      <Timeline times={times} now={now} />
      <table className="schedx-table">
        <caption>
          Next {times.length} run times after now ({formatUtc(now.replace(/\.\d+/, ''))}), in {zone} and in UTC
        </caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">{zone}</th>
            <th scope="col">UTC</th>
          </tr>
        </thead>
        <tbody>
          {times.map((t, i) => (
            <tr key={t}>
              <td>{i + 1}</td>
              <td>
                <time dateTime={t}>{formatInZone(t, zone)}</time>
              </td>
              <td>{formatUtc(t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Marks spaced by real elapsed time from now to the last run; decorative, the table carries the data. */
function Timeline({ times, now }: { times: string[]; now: string }) {
  const layout = timelineLayout(times, now);
  if (!layout) return null;
  const { marks } = layout;
  return (
    <svg className="schedx-timeline" viewBox={`0 0 ${TIMELINE_WIDTH} 56`} aria-hidden="true" focusable="false">
      <line x1={TIMELINE_PAD} x2={TIMELINE_WIDTH - TIMELINE_PAD} y1={28} y2={28} className="schedx-axis" />
      <text x={TIMELINE_PAD} y={52} className="schedx-tick-label" textAnchor="start">
        now
      </text>
      <text x={TIMELINE_WIDTH - TIMELINE_PAD} y={52} className="schedx-tick-label" textAnchor="end">
        run {marks.length}
      </text>
      {marks.map((mark, i) => (
        <g key={mark.t}>
          <line x1={mark.x} x2={mark.x} y1={16} y2={40} className="schedx-mark" />
          {mark.labelled && (
            <text x={mark.x} y={12} className="schedx-mark-label" textAnchor="middle">
              {i + 1}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
