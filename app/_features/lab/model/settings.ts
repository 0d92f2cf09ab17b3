// Everything a learner can set in the lab. ParallelRunConfig values are kept
// exactly as typed (strings, '' = not set) so an invalid entry survives long
// enough for the ENGINE to explain what is wrong with it; the lab's own
// dataset knobs are plain numbers, clamped on the way in.
import type { Dialect } from '@/engine/dialects/dialect';
import { DEFAULT_VM_SIZE, type CostTimeModel } from '@/engine/parallel-run/compute';

export type DatasetKind = 'tabular' | 'file';

/** The ParallelRunConfig parameters the lab exposes, by their SDK names. */
export const SDK_FIELDS = [
  'node_count',
  'process_count_per_node',
  'mini_batch_size',
  'error_threshold',
  'allowed_failed_count',
  'allowed_failed_percent',
  'run_max_try',
  'run_invocation_timeout',
  'output_action',
  'append_row_file_name',
] as const;

export type SdkField = (typeof SDK_FIELDS)[number];

export interface LabSettings extends Record<SdkField, string> {
  /** The SDK dialect the slots are written in (see sdk.ts). */
  sdk: Dialect;
  dataset: DatasetKind;
  /** Rows (tabular) or files (file dataset). */
  rows: number;
  /** Share of corrupted rows or files, 0..MAX_CORRUPT. */
  corrupt: number;
  /** Population drift of the credit-risk generator, 0..1 (tabular only). */
  skew: number;
  vm_size: string;
  low_priority: boolean;
  seed: number;
}

export interface DatasetLimits {
  minRows: number;
  maxRows: number;
  stepRows: number;
  defaultRows: number;
  defaultCorrupt: number;
  defaultMiniBatch: string;
}

/** The file bundle in public/data holds 300 sensor logs with about 8 % broken (scripts/build-data.ts). */
export const SENSOR_BUNDLE_FILES = 300;
export const SENSOR_BUNDLE_CORRUPT = 0.08;
export const SENSOR_BUNDLE_SEED = 9502;

export const DATASET_LIMITS: Record<DatasetKind, DatasetLimits> = {
  tabular: { minRows: 1_000, maxRows: 1_000_000, stepRows: 1_000, defaultRows: 100_000, defaultCorrupt: 0.0005, defaultMiniBatch: '32KB' },
  file: { minRows: 10, maxRows: SENSOR_BUNDLE_FILES, stepRows: 10, defaultRows: SENSOR_BUNDLE_FILES, defaultCorrupt: SENSOR_BUNDLE_CORRUPT, defaultMiniBatch: '10' },
};

/**
 * Virtual work per item of the lab's jobs. A credit-risk row costs 30 ms of
 * virtual CPU, standing for a production scoring script (feature engineering
 * in pandas plus a larger model) rather than the tiny ONNX model the browser
 * really runs. With that, the default job has enough work for node_count and
 * process_count_per_node to matter next to about four minutes of node
 * start-up, as on a real cluster; with the engine's bare per-row cost, start-up
 * would hide every scaling effect. Presets may add to it.
 */
export const LAB_WORKLOAD: Record<DatasetKind, Partial<CostTimeModel>> = {
  tabular: { itemSeconds: 0.03 },
  file: {},
};

export const MAX_CORRUPT = 0.3;
export const MAX_NODES = 16;
export const MAX_SEED = 2 ** 31 - 1;

export function datasetDefaults(kind: DatasetKind): Pick<LabSettings, 'dataset' | 'rows' | 'corrupt' | 'skew' | 'mini_batch_size'> {
  const limits = DATASET_LIMITS[kind];
  return { dataset: kind, rows: limits.defaultRows, corrupt: limits.defaultCorrupt, skew: 0, mini_batch_size: limits.defaultMiniBatch };
}

export const DEFAULT_SETTINGS: Readonly<LabSettings> = {
  sdk: 'v1',
  ...datasetDefaults('tabular'),
  vm_size: DEFAULT_VM_SIZE,
  low_priority: false,
  seed: 1,
  node_count: '2',
  process_count_per_node: '',
  error_threshold: '100',
  allowed_failed_count: '',
  allowed_failed_percent: '',
  run_max_try: '3',
  run_invocation_timeout: '60',
  output_action: 'append_row',
  append_row_file_name: '',
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Brings the lab's own numeric knobs into range; SDK fields are left to the engine's validator. */
export function sanitizeSettings(settings: LabSettings): LabSettings {
  const limits = DATASET_LIMITS[settings.dataset];
  const rows = Number.isFinite(settings.rows) ? Math.round(settings.rows) : limits.defaultRows;
  return {
    ...settings,
    rows: clamp(rows, limits.minRows, limits.maxRows),
    corrupt: Number.isFinite(settings.corrupt) ? clamp(settings.corrupt, 0, MAX_CORRUPT) : limits.defaultCorrupt,
    skew: Number.isFinite(settings.skew) ? clamp(settings.skew, 0, 1) : 0,
    seed: Number.isSafeInteger(settings.seed) ? clamp(settings.seed, 0, MAX_SEED) : DEFAULT_SETTINGS.seed,
  };
}
