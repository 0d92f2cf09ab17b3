// CSV text → tabular Dataset. Every data row becomes an item, corrupted ones
// included: deciding what can be scored is the entry script's job, as in Azure.
import type { Dataset } from '../types';
import { parseCsvRecords, parseNumericCell, utf8ByteLength } from './csv';
import { buildTabularDataset, type TabularRow } from './tabular-dataset';

export interface ParseCsvOptions {
  /** Column holding the item id (default `id`). */
  idColumn?: string;
  /** Columns stored in the feature matrix (default: every column except the id and `label`). */
  featureColumns?: readonly string[];
  /** Source file name put on every item, so mini-batches never mix files. */
  source?: string;
}

/**
 * item.id is the id cell (or `row-<n>` when it is empty), item.value maps each
 * header to its cell with numbers parsed, item.bytes is the record's UTF-8 size
 * including its line break.
 */
export function parseCsvDataset(text: string, options: ParseCsvOptions = {}): Dataset {
  const [header, ...records] = parseCsvRecords(text);
  const columns = header?.cells.map((c) => c.trim()) ?? [];
  const idColumn = options.idColumn ?? 'id';
  const idIndex = columns.indexOf(idColumn);
  const featureColumns = options.featureColumns ?? columns.filter((c) => c !== idColumn && c !== 'label');
  const ascii = !/[^\x00-\x7f]/.test(text);
  const rows: TabularRow[] = records.map((record, r) => {
    const value: Record<string, string | number> = {};
    for (let c = 0; c < columns.length; c++) {
      const cell = record.cells[c] ?? '';
      value[columns[c]!] = parseNumericCell(cell) ?? cell;
    }
    const idCell = idIndex >= 0 ? record.cells[idIndex] : undefined;
    return {
      id: idCell ? idCell : `row-${r + 1}`,
      value,
      bytes: ascii ? record.end - record.start : utf8ByteLength(text, record.start, record.end),
      // A row with missing or extra fields may have shifted columns: trust none of its numbers.
      wellFormed: record.cells.length === columns.length,
    };
  });
  return buildTabularDataset(rows, { featureColumns, ...(options.source !== undefined && { source: options.source }) });
}
