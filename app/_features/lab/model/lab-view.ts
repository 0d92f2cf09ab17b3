// Turns the engine's result into what the charts and panels draw. Runs in the
// worker; pure, so it is tested in Node with real engine results.
import type { Attempt, MiniBatchResult, ParallelRunSimulation } from '@/engine/index';
import { VM_SIZES } from '@/engine/parallel-run/compute';
import { nodeName, processName } from '@/engine/parallel-run/logs';
import { countOutcomes } from '@/engine/parallel-run/outcome';
import { lttb, type Axes } from './downsample';
import { buildOutputView } from './lab-output';
import type { GanttLane, GanttSegment, LabView, SegmentCategory, TimePoint } from './protocol';

/** Above this many attempts, consecutive alike attempts of a lane become one bar (an SVG with thousands of rects is slow). */
export const MERGE_ABOVE = 400;
/**
 * Points per progress series: one per four pixels of the widest plot the lab
 * draws them in (~480 px at the page's full width), which a step line shows
 * no differently; a fixed cap, as the worker builds the view before any chart
 * has measured itself. recharts' cost per redraw grows with the points: at
 * 240 one chart took ~60-80 ms of the main thread on the bench machine.
 */
export const PROGRESS_POINTS = 120;
const PROGRESS_AXES: Axes<TimePoint> = { x: (p) => p.t, ys: [(p) => p.succeeded, (p) => p.failed, (p) => p.failedBatches] };
const MAX_EVENT_TIMES = 4000;

export function buildLabView(result: ParallelRunSimulation, datasetKind: 'tabular' | 'file', batchBytes: number[]): LabView {
  const lanes = buildLanes(result);
  const firstReadyAt = firstNodeReadyAt(result);
  const built = buildSegments(result, result.settings.processCountPerNode);
  const view: LabView = {
    status: result.status,
    counts: result.counts,
    outcomes: countOutcomes(result.miniBatches),
    attemptCounts: built.attemptCounts,
    durationSeconds: result.durationSeconds,
    costUsd: result.costUsd,
    preemptions: result.preemptions,
    settings: result.settings,
    datasetKind,
    lanes,
    nodes: result.nodes,
    segments: built.segments,
    merged: built.merged,
    firstReadyAt,
    progress: buildProgress(result.miniBatches, firstReadyAt ?? 0, result.durationSeconds),
    eventTimes: buildEventTimes(built.segments, result),
    logs: result.logs,
    output: buildOutputView(result),
    batchItems: result.miniBatches.map((b) => b.itemCount),
    batchBytes,
  };
  if (result.failureReason !== undefined) view.failureReason = result.failureReason;
  if (result.failure) {
    view.failureKind = result.failure.kind;
    view.failure = result.failure;
  }
  // A v2 dialect names the thresholds its own way (--error_threshold, settings.error_threshold, ...).
  const named = (result as { failedSettings?: string[] }).failedSettings;
  if (named) view.failedSettings = named;
  return view;
}

/** When the first node was ready (null if none ever was): the start-up the job paid before any work. */
export function firstNodeReadyAt(result: ParallelRunSimulation): number | null {
  return result.nodes.reduce<number | null>((min, n) => (n.readyAt === null ? min : min === null ? n.readyAt : Math.min(min, n.readyAt)), null);
}

function buildLanes(result: ParallelRunSimulation): GanttLane[] {
  const perNode = result.settings.processCountPerNode;
  const gpus = VM_SIZES[result.settings.vmSize]?.gpus ?? 0;
  const lanes: GanttLane[] = [];
  for (const node of result.nodes) {
    for (let p = 0; p < perNode; p++) {
      lanes.push({ index: node.node * perNode + p, node: node.node, process: p, label: `${nodeName(node.node)}/${processName(p)}`, gpu: p < gpus });
    }
  }
  return lanes;
}

/** How an attempt reads on the timeline: a failed try followed by another is "retried". */
export function categorize(batch: MiniBatchResult, index: number): SegmentCategory {
  const attempt = batch.attempts[index] as Attempt;
  const last = index === batch.attempts.length - 1;
  if (attempt.outcome === 'preempted') return 'preempted';
  if (!last) return attempt.outcome === 'succeeded' ? 'succeeded' : 'retried';
  if (attempt.outcome === 'succeeded') return batch.status === 'failed' ? 'partial' : 'succeeded';
  return attempt.outcome;
}

interface Built {
  segments: GanttSegment[];
  merged: boolean;
  attemptCounts: Partial<Record<SegmentCategory, number>>;
}

function buildSegments(result: ParallelRunSimulation, perNode: number): Built {
  const segments: GanttSegment[] = [];
  for (const batch of result.miniBatches) {
    batch.attempts.forEach((attempt, i) => {
      const segment: GanttSegment = {
        lane: attempt.node * perNode + attempt.process,
        start: attempt.start,
        end: attempt.end,
        category: categorize(batch, i),
        firstBatch: batch.id,
        lastBatch: batch.id,
        attempts: 1,
        attempt: i + 1,
      };
      if (attempt.error) segment.error = attempt.error;
      segments.push(segment);
    });
  }
  const attemptCounts: Partial<Record<SegmentCategory, number>> = {};
  for (const segment of segments) attemptCounts[segment.category] = (attemptCounts[segment.category] ?? 0) + 1;
  segments.sort((a, b) => a.lane - b.lane || a.start - b.start);
  if (segments.length <= MERGE_ABOVE) return { segments, merged: false, attemptCounts };
  return { segments: mergeAlike(segments, result.durationSeconds), merged: true, attemptCounts };
}

/** Joins back-to-back bars of one lane with the same category (segments sorted by lane, then start). */
function mergeAlike(sorted: GanttSegment[], span: number): GanttSegment[] {
  const gap = span * 0.005;
  const merged: GanttSegment[] = [];
  for (const segment of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.lane === segment.lane && last.category === segment.category && segment.start - last.end <= gap) {
      last.end = Math.max(last.end, segment.end);
      last.firstBatch = Math.min(last.firstBatch, segment.firstBatch);
      last.lastBatch = Math.max(last.lastBatch, segment.lastBatch);
      last.attempts += segment.attempts;
      last.attempt = 0;
      if (!last.error && segment.error) last.error = segment.error;
    } else {
      merged.push({ ...segment });
    }
  }
  return merged;
}

/**
 * Cumulative items and failed mini-batches over time, as each mini-batch is
 * finally decided, reduced to what the progress charts can show (LTTB, see
 * downsample.ts): a million rows are tens of thousands of steps, and recharts
 * would draw every one on the main thread.
 */
function buildProgress(batches: readonly MiniBatchResult[], start: number, end: number): TimePoint[] {
  const decided: { t: number; ok: number; failed: number; batchFailed: number }[] = [];
  for (const batch of batches) {
    const last = batch.attempts[batch.attempts.length - 1];
    if (batch.status === 'not_run' || !last) continue;
    decided.push({ t: last.end, ok: batch.itemsSucceeded, failed: batch.itemsFailed, batchFailed: batch.status === 'failed' ? 1 : 0 });
  }
  decided.sort((a, b) => a.t - b.t);
  const points: TimePoint[] = [{ t: start, succeeded: 0, failed: 0, failedBatches: 0 }];
  let succeeded = 0;
  let failed = 0;
  let failedBatches = 0;
  for (const d of decided) {
    succeeded += d.ok;
    failed += d.failed;
    failedBatches += d.batchFailed;
    const point = { t: d.t, succeeded, failed, failedBatches };
    // Mini-batches decided at the same moment are one step of the line.
    if (points.length > 1 && (points[points.length - 1] as TimePoint).t === d.t) points[points.length - 1] = point;
    else points.push(point);
  }
  const tail = points[points.length - 1] as TimePoint;
  if (tail.t < end) points.push({ ...tail, t: end });
  return lttb(points, PROGRESS_POINTS, PROGRESS_AXES);
}

function buildEventTimes(segments: readonly GanttSegment[], result: ParallelRunSimulation): number[] {
  const times = new Set<number>();
  for (const node of result.nodes) if (node.readyAt !== null) times.add(node.readyAt);
  for (const s of segments) {
    times.add(s.start);
    times.add(s.end);
  }
  times.add(result.durationSeconds);
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length <= MAX_EVENT_TIMES) return sorted;
  const stride = Math.ceil(sorted.length / MAX_EVENT_TIMES);
  return sorted.filter((_, i) => i % stride === 0 || i === sorted.length - 1);
}
