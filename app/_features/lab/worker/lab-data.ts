// The lab's datasets, made in the worker: generated credit-risk rows (with
// their ground-truth labels, for the quality panel) or sensor log files.
import { creditRiskTableBuilder, evenFileStarts, fileDatasetFromBundle, generateSensorFiles, tableDataset, withRowFiles, type Dataset } from '@/engine/index';
import { SENSOR_BUNDLE_CORRUPT, SENSOR_BUNDLE_SEED, type LabSettings } from '../model/settings';

export interface PreparedData {
  key: string;
  dataset: Dataset;
  /** Ground truth by table row (credit-risk rows only), for the quality panel. */
  rowLabels?: Uint8Array;
}

/** Settings that make the same dataset share a key, so most what-if changes reuse it. */
export function datasetKey(settings: LabSettings): string {
  return settings.dataset === 'file' ? `file|${settings.rows}|${settings.corrupt}` : `tabular|${settings.rows}|${settings.corrupt}|${settings.skew}|${settings.seed}`;
}

/** Rows drawn between two pauses: small enough that a newer request or a progress message waits at most a few ms. */
export const ROWS_PER_SLICE = 25_000;

/**
 * The credit-risk rows, drawn a slice at a time: after each slice the bar
 * moves and the worker takes its messages, so a million rows never hold it.
 */
export async function creditRiskData(settings: LabSettings, between: (fraction: number) => Promise<void>): Promise<PreparedData> {
  const builder = creditRiskTableBuilder(settings.rows, settings.seed, { corruptShare: settings.corrupt, skew: settings.skew });
  while (!builder.fill(ROWS_PER_SLICE)) await between(builder.rowsDone / builder.count);
  const table = builder.table();
  return { key: datasetKey(settings), dataset: tableDataset(table), ...(table.labels && { rowLabels: table.labels }) };
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
 * deployment (the table is shared, not copied).
 */
export function inSourceFiles(dataset: Dataset): Dataset {
  const cached = asFiles.get(dataset);
  if (cached) return cached;
  const files = dataset.table
    ? tableDataset(withRowFiles(dataset.table, { starts: evenFileStarts(dataset.table.rows, ROWS_PER_FILE), prefix: 'applicants-', width: 4, suffix: '.csv' }))
    : { ...dataset, items: dataset.items.map((item, i) => ({ ...item, source: `applicants-${String(Math.floor(i / ROWS_PER_FILE)).padStart(4, '0')}.csv` })) };
  asFiles.set(dataset, files);
  return files;
}
