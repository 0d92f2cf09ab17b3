// The lab's datasets, made in the worker: generated credit-risk rows (with
// their ground-truth labels, for the quality panel) or sensor log files.
import { fileDatasetFromBundle, generateCreditRiskDataset, generateSensorFiles, type Dataset } from '@/engine/index';
import { SENSOR_BUNDLE_CORRUPT, SENSOR_BUNDLE_SEED, type LabSettings } from '../model/settings';

export interface PreparedData {
  key: string;
  dataset: Dataset;
  labelsById?: Map<string, number>;
}

/** Settings that make the same dataset share a key, so most what-if changes reuse it. */
export function datasetKey(settings: LabSettings): string {
  return settings.dataset === 'file' ? `file|${settings.rows}|${settings.corrupt}` : `tabular|${settings.rows}|${settings.corrupt}|${settings.skew}|${settings.seed}`;
}

export function creditRiskData(settings: LabSettings): PreparedData {
  const dataset = generateCreditRiskDataset(settings.rows, settings.seed, { corruptShare: settings.corrupt, skew: settings.skew });
  const labelsById = new Map<string, number>();
  for (const item of dataset.items) labelsById.set(item.id, Number((item.value as { label: unknown }).label));
  return { key: datasetKey(settings), dataset, labelsById };
}

/**
 * The bundle in public/data is generateSensorFiles(300, 9502) with the
 * default corruption, and the generator is prefix-stable, so its first N
 * files are the N-file dataset. Another corrupted share is generated with
 * the same generator and seed, so both paths agree.
 */
export async function sensorData(settings: LabSettings, bundle: () => Promise<unknown>): Promise<PreparedData> {
  const key = datasetKey(settings);
  if (settings.corrupt === SENSOR_BUNDLE_CORRUPT) {
    const files = await bundle();
    return { key, dataset: fileDatasetFromBundle(Array.isArray(files) ? files.slice(0, settings.rows) : files) };
  }
  return { key, dataset: fileDatasetFromBundle(generateSensorFiles(settings.rows, SENSOR_BUNDLE_SEED, { corruptShare: settings.corrupt })) };
}

/** Rows per input CSV when a batch deployment reads the credit-risk data: it hands run() whole files. */
export const ROWS_PER_FILE = 50;
const asFiles = new WeakMap<Dataset, Dataset>();

/**
 * The same rows as applicants-0000.csv, applicants-0001.csv, ... of
 * ROWS_PER_FILE rows each, the way a folder of CSV files reaches a batch
 * deployment (computed once per dataset).
 */
export function inSourceFiles(dataset: Dataset): Dataset {
  const cached = asFiles.get(dataset);
  if (cached) return cached;
  const items = dataset.items.map((item, i) => ({ ...item, source: `applicants-${String(Math.floor(i / ROWS_PER_FILE)).padStart(4, '0')}.csv` }));
  const files: Dataset = { ...dataset, items };
  asFiles.set(dataset, files);
  return files;
}
