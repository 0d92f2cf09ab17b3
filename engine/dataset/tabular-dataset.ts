// Builds a tabular Dataset, with its shared feature matrix, from records that
// are already in memory (generated rows, or rows parsed from CSV).
import type { DataItem, Dataset } from '../types';
import { attachFeatureMatrix, type FeatureMatrix } from './columnar';

export interface TabularRow {
  id: string;
  value: Record<string, string | number>;
  bytes: number;
  /** False when the row cannot be trusted at all (e.g. a wrong field count): its matrix row is all NaN. */
  wellFormed?: boolean;
}

export interface TabularBuildOptions {
  featureColumns: readonly string[];
  source?: string;
}

/** Items keep the given value objects as they are (no copies), in the given order. */
export function buildTabularDataset(rows: readonly TabularRow[], options: TabularBuildOptions): Dataset {
  const columns = [...options.featureColumns];
  const f = columns.length;
  const data = new Float32Array(rows.length * f);
  const items: DataItem[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const item: DataItem = { id: row.id, bytes: row.bytes, value: row.value };
    if (options.source !== undefined) item.source = options.source;
    items[r] = item;
    for (let c = 0; c < f; c++) {
      const v = row.value[columns[c]!];
      data[r * f + c] = row.wellFormed !== false && typeof v === 'number' ? v : NaN;
    }
  }
  const matrix: FeatureMatrix = { columns, data, rows: rows.length, items };
  attachFeatureMatrix(matrix);
  return { kind: 'tabular', items };
}
