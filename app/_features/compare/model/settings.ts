// The comparison's controls as the learner set them, and the engine options
// they stand for. Number fields keep their text, so the engine can name a
// value that is not a whole number.
import { DEFAULT_VM_SIZE } from '@/engine/parallel-run/compute';
import type { SweepOptions } from './protocol';

/** Slider stops for rows per day: 1-2-5 steps from a thousand to thirty million. */
export const VOLUME_STEPS: readonly number[] = [
  1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 2e7, 3e7,
];
export const ROWS_PER_REQUEST_CHOICES = [1, 10, 100, 1000, 10_000] as const;
export const RUNS_PER_DAY_CHOICES = [
  { value: 1, label: '1 (nightly)' },
  { value: 4, label: '4 (every 6 hours)' },
  { value: 24, label: '24 (hourly)' },
  { value: 96, label: '96 (every 15 minutes)' },
] as const;

export interface Settings {
  /** Index into VOLUME_STEPS (the slider's position). */
  rowsIndex: number;
  rowsPerRequest: number;
  vmSize: string;
  nodeCount: string;
  runsPerDay: number;
  maxConcurrent: string;
}

export const DEFAULT_ROWS_PER_DAY = 1e6;

export const DEFAULT_SETTINGS: Settings = {
  rowsIndex: VOLUME_STEPS.indexOf(DEFAULT_ROWS_PER_DAY),
  rowsPerRequest: 1,
  vmSize: DEFAULT_VM_SIZE,
  nodeCount: '2',
  runsPerDay: 1,
  maxConcurrent: '1',
};

const whole = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN);

export function toOptions(s: Settings): SweepOptions {
  return {
    rows: VOLUME_STEPS[s.rowsIndex] ?? DEFAULT_ROWS_PER_DAY,
    rowsPerRequest: s.rowsPerRequest,
    vmSize: s.vmSize,
    nodeCount: whole(s.nodeCount),
    runsPerDay: s.runsPerDay,
    maxConcurrentRequestsPerInstance: whole(s.maxConcurrent),
  };
}
