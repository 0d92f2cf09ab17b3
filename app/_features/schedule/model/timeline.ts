// Where the run-times timeline puts its marks: spaced by real elapsed time
// from now to the last run, numbering only the marks with room for a label.
import { instantMs } from './format-time';

export const TIMELINE_WIDTH = 600;
export const TIMELINE_PAD = 24;
const MIN_LABEL_GAP = 18;

export interface TimelineMark {
  /** Epoch ms of the run (a stable key). */
  t: number;
  x: number;
  /** Whether the mark has room for its run number. */
  labelled: boolean;
}

export interface TimelineLayout {
  marks: TimelineMark[];
}

/** The marks for `times` after `now`, or null when there is nothing to draw. */
export function timelineLayout(times: string[], now: string): TimelineLayout | null {
  const start = instantMs(now);
  const instants = times.map(instantMs).filter((t): t is number => t !== null);
  const end = instants.at(-1);
  if (start === null || end === undefined) return null;
  const span = Math.max(end - start, 1);
  const x = (t: number) => TIMELINE_PAD + ((t - start) / span) * (TIMELINE_WIDTH - 2 * TIMELINE_PAD);
  // Runs close together share a spot; number only those with room for a label.
  let lastLabel = -Infinity;
  const marks = instants.map((t) => {
    const roomy = x(t) - lastLabel >= MIN_LABEL_GAP;
    if (roomy) lastLabel = x(t);
    return { t, x: x(t), labelled: roomy };
  });
  return { marks };
}
