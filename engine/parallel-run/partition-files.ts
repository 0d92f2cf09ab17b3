// File-level distribution, as batch endpoints do it: a mini-batch is a number
// of whole input files, and how big a file is plays no part. For a file
// dataset every item is a file; for tabular data the rows of one source file
// travel together (rows without a source form one unnamed file).
import type { DataItem, Dataset, MiniBatch, RowTable } from '../types';
import { tableMiniBatch, type Partition } from './partition';

export interface FilePartition extends Partition {
  /** Input files in each mini-batch, by id: what a batch deployment's error_threshold counts. */
  files: Int32Array;
}

export function partitionByFiles(dataset: Dataset, filesPerBatch: number): FilePartition {
  if (dataset.table) return partitionTableFiles(dataset, dataset.table, filesPerBatch);
  const items = dataset.items;
  const perItem = dataset.kind === 'file';
  const batches: MiniBatch[] = [];
  const bytes: number[] = [];
  const files: number[] = [];
  let start = 0;
  let size = 0;
  let fileCount = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as DataItem;
    const newFile = i === 0 || perItem || item.source !== (items[i - 1] as DataItem).source;
    if (newFile && fileCount === filesPerBatch) {
      batches.push({ id: batches.length, items: items.slice(start, i) });
      bytes.push(size);
      files.push(fileCount);
      start = i;
      size = 0;
      fileCount = 0;
    }
    if (newFile) fileCount++;
    size += item.bytes;
  }
  if (start < items.length) {
    batches.push({ id: batches.length, items: items.slice(start) });
    bytes.push(size);
    files.push(fileCount);
  }
  return { batches, bytes, files: Int32Array.from(files) };
}

/** A columnar table's files are runs of rows (files.starts); without files, all rows are one unnamed file. */
function partitionTableFiles(dataset: Dataset, table: RowTable, filesPerBatch: number): FilePartition {
  const starts = table.files?.starts ?? Uint32Array.of(0);
  const batches: MiniBatch[] = [];
  const bytes: number[] = [];
  const files: number[] = [];
  if (table.rows === 0) return { batches, bytes, files: new Int32Array(0) };
  for (let k = 0; k < starts.length; k += filesPerBatch) {
    const start = starts[k]!;
    const next = k + filesPerBatch;
    const end = next < starts.length ? starts[next]! : table.rows;
    let size = 0;
    for (let r = start; r < end; r++) size += table.bytes[r]!;
    batches.push(tableMiniBatch(dataset, table, batches.length, start, end));
    bytes.push(size);
    files.push(Math.min(filesPerBatch, starts.length - k));
  }
  return { batches, bytes, files: Int32Array.from(files) };
}
