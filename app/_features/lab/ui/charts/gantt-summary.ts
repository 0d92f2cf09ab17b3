// The timeline's text: how many run() attempts each colour stands for, and
// the one-line summary a screen reader gets instead of the bars.
import type { LabView } from '../../model/protocol';
import { plural } from '@/engine/parallel-run/outcome';
import { CATEGORY_LABELS, CATEGORY_ORDER, type DrawnCategory } from './categories';

/**
 * Legend counts are run() attempts, not bars (bars of alike attempts may be
 * merged). At the end of the run they come from the worker's tally, so the
 * final-attempt categories equal the engine's mini-batch outcomes, the same
 * numbers the status card shows.
 */
function legendCounts(view: LabView, cursor: number): Map<DrawnCategory, number> {
  const counts = new Map<DrawnCategory, number>();
  if (cursor >= view.durationSeconds) {
    for (const [category, n] of Object.entries(view.attemptCounts)) counts.set(category as DrawnCategory, n);
    if (view.outcomes.not_run > 0) counts.set('not_run', view.outcomes.not_run);
    return counts;
  }
  for (const seg of view.segments) if (seg.start <= cursor) counts.set(seg.category, (counts.get(seg.category) ?? 0) + seg.attempts);
  return counts;
}

export function summarize(view: LabView, cursor: number) {
  const counts = legendCounts(view, cursor);
  const parts = CATEGORY_ORDER.filter((c) => counts.has(c)).map((c) => `${counts.get(c)} ${CATEGORY_LABELS[c]}`);
  const nodes = new Set(view.lanes.map((l) => l.node)).size;
  const merged = view.merged ? ' (back-to-back attempts with the same outcome are merged into one bar)' : '';
  const attempts = parts.length ? `; run() attempts: ${parts.join(', ')}` : ': no run() attempt yet';
  return { counts, text: `${plural(view.lanes.length, 'process lane')} on ${plural(nodes, 'node')}${attempts}${merged}.` };
}

