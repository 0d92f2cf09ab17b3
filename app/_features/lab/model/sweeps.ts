// The values the what-if sweeps try. The current setting is always among them,
// so the chart can mark "you are here".
import { DEFAULT_MINI_BATCH_BYTES, DEFAULT_MINI_BATCH_FILES } from '@/engine/parallel-run/defaults';
import { parseSize } from '@/engine/parallel-run/size';
import type { SweepKind, SweepPoint } from './protocol';
import { MAX_NODES, type LabSettings } from './settings';

export interface SweepValue {
  /** The raw setting, as the store holds it. */
  raw: string;
  label: string;
  /** Position on the x axis: nodes, files or bytes. */
  value: number;
  current: boolean;
}

const NODE_COUNTS = [1, 2, 3, 4, 6, 8, 12, 16];
const FILE_COUNTS = [1, 2, 5, 10, 20, 50];
const TABULAR_SIZES = ['1KB', '4KB', '16KB', '64KB', '256KB', '1MB'];

export function sweepValues(kind: SweepKind, settings: LabSettings): SweepValue[] {
  const values = kind === 'node_count' ? nodeValues(settings) : miniBatchValues(settings);
  return values.sort((a, b) => a.value - b.value);
}

function nodeValues(settings: LabSettings): SweepValue[] {
  const current = Number(settings.node_count);
  const counts = new Set(NODE_COUNTS.filter((n) => n <= MAX_NODES));
  if (Number.isSafeInteger(current) && current >= 1 && current <= MAX_NODES) counts.add(current);
  return [...counts].map((n) => ({ raw: String(n), label: String(n), value: n, current: n === current }));
}

function miniBatchValues(settings: LabSettings): SweepValue[] {
  const typed = settings.mini_batch_size.trim();
  // A batch deployment counts whole files per run() even for tabular data.
  const file = settings.dataset === 'file' || settings.sdk === 'v2-batch-deployment';
  // Not set means the SDK default, which is then the current point.
  const raw = typed !== '' ? typed : file ? String(DEFAULT_MINI_BATCH_FILES) : String(DEFAULT_MINI_BATCH_BYTES);
  if (file) {
    const current = Number(raw);
    const counts = new Set(FILE_COUNTS);
    if (/^\d+$/.test(raw) && current >= 1) counts.add(current);
    return [...counts].map((n) => ({ raw: String(n), label: `${n} file${n === 1 ? '' : 's'}`, value: n, current: n === current }));
  }
  const currentBytes = parseSize(raw);
  const entries = TABULAR_SIZES.map((size) => ({ raw: size, label: size, value: parseSize(size) as number, current: false }));
  const match = entries.find((e) => e.value === currentBytes);
  if (match) match.current = true;
  else if (currentBytes !== null) entries.push({ raw, label: raw, value: currentBytes, current: true });
  return entries;
}

/** The fastest and cheapest points among the jobs that completed: a failed job is never the answer. */
export function bestPoint(points: readonly SweepPoint[], key: 'durationSeconds' | 'costUsd'): SweepPoint | null {
  return points.filter((p) => p.status === 'Completed').reduce<SweepPoint | null>((best, p) => (best === null || p[key] < best[key] ? p : best), null);
}

/** Below this gain from one node count to the next, more nodes "stop helping". */
const SMALL_GAIN = 0.1;

/**
 * Why more nodes stop helping: every node spends its start-up before it
 * scores a row, so once the work per node is small the duration levels off
 * near the start-up time. Names the node_count from which the next step in
 * the sweep saves less than a tenth of the time, if there is one.
 */
export function scalingNote(points: readonly SweepPoint[]): string {
  const done = points.filter((p) => p.status === 'Completed').sort((a, b) => a.value - b.value);
  const first = done[0];
  if (!first) return 'No node count in the sweep completed, so there is no scaling to read.';
  const startup = Math.round(first.startupSeconds);
  for (let i = 1; i < done.length; i++) {
    const before = done[i - 1] as SweepPoint;
    const after = done[i] as SweepPoint;
    if (before.durationSeconds - after.durationSeconds < SMALL_GAIN * before.durationSeconds) {
      return `From node_count ${before.label} on, more nodes save little: each node first spends about ${startup} s starting up (and is billed for it), so the duration cannot fall below that however the work is split.`;
    }
  }
  return `Every added node still saves time here: the work is large next to the ${startup} s of node start-up that each run pays first.`;
}
