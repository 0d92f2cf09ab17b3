// Splits a dataset into mini-batches the way ParallelRunStep does: a count of
// files for a file dataset, an approximate byte budget for a tabular one.
import { rowIdOf } from '../dataset/row-table';
import type { DataItem, Dataset, MiniBatch, MiniBatchResult, ParallelRunConfig, RowTable } from '../types';
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
  return partitionDataset(dataset, effectiveMiniBatchSize(dataset.kind, config.mini_batch_size)).batches;
}

export interface Partition {
  batches: MiniBatch[];
  /** Total bytes of each mini-batch, by id (summed while planning, to spare another pass over the items). */
  bytes: number[];
}

/** Inputs in a mini-batch, without making a columnar batch's items. */
export function miniBatchLength(batch: MiniBatch): number {
  return batch.rows ? batch.rows.count : batch.items.length;
}

/** The id of a mini-batch's i-th input, derived from its row for a columnar batch. */
export function miniBatchItemId(batch: MiniBatch): (i: number) => string {
  const rows = batch.rows;
  if (rows) return (i) => rowIdOf(rows.table.ids, rows.start + i);
  return (i) => (batch.items[i] as DataItem).id;
}

/** The ids of a finished mini-batch's inputs, from the dataset it ran on. */
export function miniBatchItemIds(dataset: Dataset, batch: Pick<MiniBatchResult, 'firstItem' | 'itemCount'>): string[] {
  const ids = new Array<string>(batch.itemCount);
  const table = dataset.table;
  for (let i = 0; i < batch.itemCount; i++) {
    ids[i] = table ? rowIdOf(table.ids, batch.firstItem + i) : (dataset.items[batch.firstItem + i] as DataItem).id;
  }
  return ids;
}

/**
 * A columnar dataset's mini-batch: its rows, and items made from the table
 * only if something reads them (the same objects as dataset.items).
 */
export function tableMiniBatch(dataset: Dataset, table: RowTable, id: number, start: number, end: number): MiniBatch {
  let items: MiniBatch['items'] | undefined;
  return {
    id,
    rows: { table, start, count: end - start },
    get items() {
      return (items ??= dataset.items.slice(start, end));
    },
  };
}

/** planMiniBatches with an already resolved size, also returning each mini-batch's bytes. */
export function partitionDataset(dataset: Dataset, size: number): Partition {
  if (dataset.table) return partitionTable(dataset, dataset.table, size);
  const out: Partition = { batches: [], bytes: [] };
  const items = dataset.items;
  const byCount = dataset.kind === 'file';
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as DataItem;
    if (i > start) {
      const newSource = item.source !== (items[i - 1] as DataItem).source;
      // Files: a fixed count. Rows: add while the batch stays within the byte
      // budget; a row that alone exceeds it still gets a batch of its own.
      const full = byCount ? i - start === size : bytes + item.bytes > size;
      if (newSource || full) {
        close(out, items, start, i, bytes);
        start = i;
        bytes = 0;
      }
    }
    bytes += item.bytes;
  }
  if (start < items.length) close(out, items, start, items.length, bytes);
  return out;
}

function close(out: Partition, items: DataItem[], start: number, end: number, bytes: number): void {
  out.batches.push({ id: out.batches.length, items: items.slice(start, end) });
  out.bytes.push(bytes);
}

/** The same cut as for items, over the table's byte column (a table has no sources unless split into files). */
function partitionTable(dataset: Dataset, table: RowTable, size: number): Partition {
  if (table.files) return partitionDataset({ kind: dataset.kind, items: dataset.items }, size);
  const out: Partition = { batches: [], bytes: [] };
  const sizes = table.bytes;
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < table.rows; i++) {
    const row = sizes[i]!;
    if (i > start && bytes + row > size) {
      out.batches.push(tableMiniBatch(dataset, table, out.batches.length, start, i));
      out.bytes.push(bytes);
      start = i;
      bytes = 0;
    }
    bytes += row;
  }
  if (start < table.rows) {
    out.batches.push(tableMiniBatch(dataset, table, out.batches.length, start, table.rows));
    out.bytes.push(bytes);
  }
  return out;
}
