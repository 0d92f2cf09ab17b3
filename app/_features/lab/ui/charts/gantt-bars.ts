// What the timeline draws at a moment of the replay: attempt bars per
// node/process lane, node start-up spans, and a row for mini-batches that
// never ran. Each bar carries the sentence a hover or focus shows.
import { plural } from '@/engine/parallel-run/outcome';
import type { LabView } from '@/app/_features/lab/model/protocol';
import { CATEGORY_LABELS, type DrawnCategory } from './categories';

export interface GanttBar {
  key: string;
  /** First and last row covered (start-up spans all of a node's rows). */
  rowFrom: number;
  rowTo: number;
  start: number;
  end: number;
  category: DrawnCategory;
  text: string;
}

export interface GanttModel {
  bars: GanttBar[];
  rows: number;
  rowLabels: string[];
  domain: [number, number];
}

const s = (t: number) => `${t.toFixed(2)} s`;

export function ganttModel(view: LabView, cursor: number, showStartup: boolean): GanttModel {
  const end = view.durationSeconds;
  const ready = view.firstReadyAt ?? 0;
  // Start-up takes minutes and the work seconds: zoom to the work unless asked.
  const from = showStartup ? 0 : Math.max(0, ready - Math.max(1, (end - ready) * 0.02));
  const domain: [number, number] = [from, Math.max(end, from + 1)];
  const perNode = view.settings.processCountPerNode;
  const rowLabels = view.lanes.map((l) => l.label);
  const bars: GanttBar[] = [];

  for (const node of view.nodes) {
    const until = node.readyAt ?? node.endedAt;
    if (until <= from || node.requestedAt > cursor) continue;
    const stop = Math.min(until, cursor);
    const state = node.readyAt === null ? `never became ready (${node.preempted ? 'preempted' : 'job over'} at ${s(node.endedAt)})` : `ready at ${s(node.readyAt)}`;
    bars.push({
      key: `startup-${node.node}`,
      rowFrom: node.node * perNode,
      rowTo: node.node * perNode + perNode - 1,
      start: Math.max(from, node.requestedAt),
      end: stop,
      category: 'startup',
      text: `node-${node.node} start-up: requested at ${s(node.requestedAt)}, ${state}${node.initFailures > 0 ? `; ${node.initFailures} failed init() calls` : ''}`,
    });
  }

  view.segments.forEach((seg, i) => {
    if (seg.start > cursor) return;
    const label = rowLabels[seg.lane] ?? `lane ${seg.lane}`;
    const batches = seg.firstBatch === seg.lastBatch ? `mini-batch ${seg.firstBatch}` : `mini-batches ${seg.firstBatch}–${seg.lastBatch}`;
    const tries = seg.attempts > 1 ? `${seg.attempts} attempts` : `try ${seg.attempt}`;
    const stop = Math.min(seg.end, cursor);
    const running = seg.end > cursor;
    bars.push({
      key: `a-${i}`,
      rowFrom: seg.lane,
      rowTo: seg.lane,
      start: Math.max(from, seg.start),
      end: stop,
      category: seg.category,
      text: `${label}: ${batches}, ${tries}, ${running ? 'running' : CATEGORY_LABELS[seg.category]}, ${s(seg.start)} to ${s(stop)} (${s(stop - seg.start)})${seg.error && !running ? `. ${seg.error}` : ''}`,
    });
  });

  let rows = rowLabels.length;
  const notRun = view.counts.miniBatchesNotRun;
  if (notRun > 0 && cursor >= end) {
    rowLabels.push('not run');
    bars.push({
      key: 'not-run',
      rowFrom: rows,
      rowTo: rows,
      start: domain[0],
      end,
      category: 'not_run',
      text: `${plural(notRun, 'mini-batch', 'mini-batches')} (${plural(view.counts.itemsNotRun, 'item')}) ${notRun === 1 ? 'was' : 'were'} still queued when the job stopped at ${s(end)}: never run`,
    });
    rows++;
  }
  return { bars, rows, rowLabels, domain };
}

/** Next bar for a keyboard move: along the row (left/right) or to the nearest bar of the next row (up/down). */
export function moveFocus(bars: readonly GanttBar[], current: number, key: string): number {
  const bar = bars[current];
  if (!bar) return bars.length > 0 ? 0 : -1;
  const sameRow = bars.map((b, i) => ({ b, i })).filter(({ b }) => b.rowFrom === bar.rowFrom).sort((a, b) => a.b.start - b.b.start);
  const at = sameRow.findIndex(({ i }) => i === current);
  if (key === 'ArrowRight') return sameRow[at + 1]?.i ?? current;
  if (key === 'ArrowLeft') return sameRow[at - 1]?.i ?? current;
  if (key === 'Home') return sameRow[0]?.i ?? current;
  if (key === 'End') return sameRow[sameRow.length - 1]?.i ?? current;
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return current;
  const down = key === 'ArrowDown';
  const rows = [...new Set(bars.map((b) => b.rowFrom))].sort((a, b) => (down ? a - b : b - a));
  const nextRow = rows.find((r) => (down ? r > bar.rowFrom : r < bar.rowFrom));
  if (nextRow === undefined) return current;
  let best = current;
  let bestDistance = Infinity;
  bars.forEach((b, i) => {
    if (b.rowFrom !== nextRow) return;
    const distance = Math.abs(b.start - bar.start);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}
