// Columnar storage for tabular datasets. Items stay plain objects (the engine
// passes them around untouched); a module-level WeakMap links each item to its
// row in one shared Float32Array, so a scorer can hand a contiguous run of rows
// to the model as a subarray instead of rebuilding a tensor from records.
import type { DataItem } from '../types';
import { parseNumericCell } from './csv';

export interface FeatureMatrix {
  /** Names of the stored columns, in the order a row's values are laid out. */
  columns: readonly string[];
  /** Row-major values: row r, column c sits at r * columns.length + c. NaN marks an unusable cell. */
  data: Float32Array;
  rows: number;
  /** The items in row order: items[r] is row r. */
  items: readonly DataItem[];
}

export interface ColumnarRef {
  matrix: FeatureMatrix;
  row: number;
}

const refs = new WeakMap<DataItem, ColumnarRef>();

/** Links items[r] to row r of the matrix (the matrix must list the same items). */
export function attachFeatureMatrix(matrix: FeatureMatrix): void {
  for (let r = 0; r < matrix.items.length; r++) refs.set(matrix.items[r]!, { matrix, row: r });
}

export function columnarRefOf(item: DataItem): ColumnarRef | undefined {
  return refs.get(item);
}

/**
 * The row-major block holding `items` when they are consecutive rows of one
 * matrix with exactly these columns, else undefined (the caller then converts
 * item by item). The block shares memory with the matrix.
 */
export function contiguousFeatureBlock(
  items: readonly DataItem[],
  columns: readonly string[],
): { data: Float32Array; firstRow: number } | undefined {
  const first = items[0];
  const ref = first && refs.get(first);
  if (!ref || !sameColumns(ref.matrix.columns, columns)) return undefined;
  const { matrix, row } = ref;
  if (row + items.length > matrix.rows) return undefined;
  // Identity checks are cheap and prove the run really is contiguous.
  for (let i = 1; i < items.length; i++) {
    if (matrix.items[row + i] !== items[i]) return undefined;
  }
  const f = columns.length;
  return { data: matrix.data.subarray(row * f, (row + items.length) * f), firstRow: row };
}

const sameColumnsCache = new WeakMap<readonly string[], WeakMap<readonly string[], boolean>>();

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  let inner = sameColumnsCache.get(a);
  const known = inner?.get(b);
  if (known !== undefined) return known;
  const same = a.length === b.length && a.every((name, i) => name === b[i]);
  if (!inner) sameColumnsCache.set(a, (inner = new WeakMap()));
  inner.set(b, same);
  return same;
}

/** Reads one item's feature values: from its matrix row when it has one, else from its record. */
export function readFeatureRow(item: DataItem, columns: readonly string[], out: Float32Array, offset: number): void {
  const ref = refs.get(item);
  if (ref && sameColumns(ref.matrix.columns, columns)) {
    const f = columns.length;
    out.set(ref.matrix.data.subarray(ref.row * f, ref.row * f + f), offset);
    return;
  }
  const record = (item.value ?? {}) as Record<string, unknown>;
  for (let c = 0; c < columns.length; c++) out[offset + c] = toFeatureNumber(record[columns[c]!]);
}

/** A cell as a model input: numbers pass, numeric strings parse, anything else is NaN. */
export function toFeatureNumber(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return parseNumericCell(cell) ?? NaN;
  return NaN;
}
