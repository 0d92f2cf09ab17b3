// Splits a dataset into mini-batches the way ParallelRunStep does: a count of
// files for a file dataset, an approximate byte budget for a tabular one.
import type { DataItem, Dataset, MiniBatch, ParallelRunConfig } from '../types';
import { DEFAULT_MINI_BATCH_BYTES, DEFAULT_MINI_BATCH_FILES } from './defaults';
import { parseSize } from './size';

/**
 * The mini_batch_size in effect: files for a file dataset, bytes for a tabular
 * one. Throws on a value the validator would reject.
 */
export function effectiveMiniBatchSize(kind: Dataset['kind'], size: unknown): number {
  if (size === undefined || size === null) {
    return kind === 'file' ? DEFAULT_MINI_BATCH_FILES : DEFAULT_MINI_BATCH_BYTES;
  }
  if (kind === 'file') {
    if (typeof size === 'number' && Number.isSafeInteger(size) && size >= 1) return size;
    throw new Error(`mini_batch_size ${JSON.stringify(size)} is not a file count (an integer of at least 1)`);
  }
  const bytes = parseSize(size);
  if (bytes === null) throw new Error(`mini_batch_size ${JSON.stringify(size)} is not a valid size`);
  return bytes;
}

/**
 * Mini-batches in input order, numbered from 0. Items are shared, not copied,
 * so an entry script may use object identity to find data it prepared.
 */
export function planMiniBatches(
  dataset: Dataset,
  config: Pick<ParallelRunConfig, 'mini_batch_size'>,
): MiniBatch[] {
  const size = effectiveMiniBatchSize(dataset.kind, config.mini_batch_size);
  const groups = dataset.kind === 'file' ? byCount(dataset.items, size) : byBytes(dataset.items, size);
  return groups.map((items, id) => ({ id, items }));
}

function byCount(items: DataItem[], perBatch: number): DataItem[][] {
  const groups: DataItem[][] = [];
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    const full = i - start === perBatch;
    if (i === items.length || full || items[i]?.source !== items[i - 1]?.source) {
      groups.push(items.slice(start, i));
      start = i;
    }
  }
  return groups;
}

// A row is added while the batch stays within the budget; a row that alone is
// larger than the budget still gets a batch of its own rather than being lost.
function byBytes(items: DataItem[], budget: number): DataItem[][] {
  const groups: DataItem[][] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as DataItem;
    const newSource = i > start && item.source !== items[i - 1]?.source;
    if (i > start && (newSource || bytes + item.bytes > budget)) {
      groups.push(items.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += item.bytes;
  }
  if (start < items.length) groups.push(items.slice(start));
  return groups;
}
