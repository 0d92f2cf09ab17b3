// The values the what-if sweeps try. The current setting is always among them,
// so the chart can mark "you are here".
import { DEFAULT_MINI_BATCH_BYTES, DEFAULT_MINI_BATCH_FILES, parseSize } from '@/engine/index';
import type { SweepKind } from './protocol';
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
  const file = settings.dataset === 'file';
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
