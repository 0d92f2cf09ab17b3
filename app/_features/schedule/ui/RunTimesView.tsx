import { formatInZone, formatUtc, instantMs } from './format-time';

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

const WIDTH = 600;
const PAD = 24;
const MIN_LABEL_GAP = 18;

/** Marks spaced by real elapsed time from now to the last run; decorative, the table carries the data. */
function Timeline({ times, now }: { times: string[]; now: string }) {
  const start = instantMs(now);
  const marks = times.map(instantMs).filter((t): t is number => t !== null);
  const end = marks.at(-1);
  if (start === null || end === undefined) return null;
  const span = Math.max(end - start, 1);
  const x = (t: number) => PAD + ((t - start) / span) * (WIDTH - 2 * PAD);
  // Runs close together share a spot; number only those with room for a label.
  const labelled: boolean[] = [];
  let lastLabel = -Infinity;
  for (const t of marks) {
    const roomy = x(t) - lastLabel >= MIN_LABEL_GAP;
    labelled.push(roomy);
    if (roomy) lastLabel = x(t);
  }
  return (
    <svg className="schedx-timeline" viewBox={`0 0 ${WIDTH} 56`} aria-hidden="true" focusable="false">
      <line x1={PAD} x2={WIDTH - PAD} y1={28} y2={28} className="schedx-axis" />
      <text x={PAD} y={52} className="schedx-tick-label" textAnchor="start">
        now
      </text>
      <text x={WIDTH - PAD} y={52} className="schedx-tick-label" textAnchor="end">
        run {marks.length}
      </text>
      {marks.map((t, i) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={16} y2={40} className="schedx-mark" />
          {labelled[i] && (
            <text x={x(t)} y={12} className="schedx-mark-label" textAnchor="middle">
              {i + 1}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
