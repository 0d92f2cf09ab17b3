// A tabular dataset stored as columns: one Float32Array of features, one
// Uint16Array of CSV line sizes, ids derived from row numbers. A million rows
// then cost about 50 MB instead of a million objects. The engine plans and
// scores such a dataset by row ranges; DataItem objects are made only when
// something asks for `items` (an entry script without runRows, a test).
import type { DataItem, Dataset } from '../types';
import { attachFeatureMatrix } from './columnar';

/** Row r's id is prefix + (r + 1) padded with zeros to `width` digits. */
export interface RowIds {
  prefix: string;
  width: number;
}

/** The rows arrive as files: file k holds rows starts[k] .. starts[k + 1] - 1 and is named prefix + k (padded to width) + suffix. */
export interface RowFiles {
  /** First row of each file, ascending, from 0. */
  starts: Uint32Array;
  prefix: string;
  width: number;
  /** The number of the first file (0 by default). */
  first?: number;
  suffix: string;
}

/** Files of `rowsPerFile` rows each (the last may be shorter). */
export function evenFileStarts(rows: number, rowsPerFile: number): Uint32Array {
  const starts = new Uint32Array(Math.max(1, Math.ceil(rows / rowsPerFile)));
  for (let k = 0; k < starts.length; k++) starts[k] = k * rowsPerFile;
  return starts;
}

/** The file holding a row: the last start at or before it. */
export function fileOfRow(files: RowFiles, row: number): number {
  let lo = 0;
  let hi = files.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (files.starts[mid]! <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function fileName(files: RowFiles, file: number): string {
  return files.prefix + String(file + (files.first ?? 0)).padStart(files.width, '0') + files.suffix;
}

export type RowCell = string | number;

export interface RowTable {
  /** Feature columns, in the order a row's values are laid out in `data`. */
  columns: readonly string[];
  /** Decimals each feature is written with: a clean value is exactly its float32 rounded to these. */
  decimals: readonly number[];
  /** Row-major features; NaN marks a cell that is not a number. */
  data: Float32Array;
  rows: number;
  /** Bytes of each row's CSV line, newline included. */
  bytes: Uint16Array;
  ids: RowIds;
  /** Ground-truth labels, when the data has them. */
  labels: Uint8Array | null;
  /** Rows whose written cells differ from the matrix (a broken export): those cells as written. */
  cells: ReadonlyMap<number, Readonly<Record<string, RowCell>>>;
  files?: RowFiles;
}

/** A contiguous run of a table's rows: what a mini-batch of a columnar dataset holds. */
export interface TableRows {
  table: RowTable;
  start: number;
  count: number;
}

export function rowIdOf(ids: RowIds, row: number): string {
  return ids.prefix + String(row + 1).padStart(ids.width, '0');
}

/** The file a row arrives in, when the table is split into files. */
export function rowSourceOf(table: RowTable, row: number): string | undefined {
  const files = table.files;
  if (!files) return undefined;
  return fileName(files, fileOfRow(files, row));
}

const roundTo = (value: number, decimals: number): number => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

/** One row as the record a CSV parser would give: id, features as written, label. */
export function rowRecord(table: RowTable, row: number): Record<string, RowCell> {
  const record: Record<string, RowCell> = { id: rowIdOf(table.ids, row) };
  const f = table.columns.length;
  for (let c = 0; c < f; c++) record[table.columns[c]!] = roundTo(table.data[row * f + c]!, table.decimals[c]!);
  if (table.labels) record.label = table.labels[row]!;
  const written = table.cells.get(row);
  return written ? Object.assign(record, written) : record;
}

const materialized = new WeakMap<RowTable, DataItem[]>();

/**
 * The table as DataItems, made once per table and linked to the same matrix,
 * so item-based code (and contiguousFeatureBlock) sees the layout
 * buildTabularDataset would have given.
 */
export function tableItems(table: RowTable): DataItem[] {
  const known = materialized.get(table);
  if (known) return known;
  const items: DataItem[] = new Array(table.rows);
  for (let r = 0; r < table.rows; r++) {
    const item: DataItem = { id: rowIdOf(table.ids, r), bytes: table.bytes[r]!, value: rowRecord(table, r) };
    const source = rowSourceOf(table, r);
    if (source !== undefined) item.source = source;
    items[r] = item;
  }
  attachFeatureMatrix({ columns: table.columns, data: table.data, rows: table.rows, items });
  materialized.set(table, items);
  return items;
}

/** A Dataset over the table; reading `items` materializes them (once). */
export function tableDataset(table: RowTable): Dataset {
  return {
    kind: 'tabular',
    table,
    get items() {
      return tableItems(table);
    },
  };
}

/** The same rows, arriving as files of `files.rowsPerFile` rows (no copy of the data). */
export function withRowFiles(table: RowTable, files: RowFiles): RowTable {
  return { ...table, files };
}
