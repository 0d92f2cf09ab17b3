// The comparison's controls as the learner set them, and the engine options
// they stand for. Number fields keep their text, so the engine can name a
// value that is not a whole number.
import { DEFAULT_VM_SIZE } from '@/engine/index';
import type { SweepOptions } from './compare-protocol';
import { VOLUME_STEPS } from './compare-format';

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
