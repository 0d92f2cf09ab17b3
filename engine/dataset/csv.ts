// A small RFC 4180 reader and writer. The reader keeps each record's character
// span so a dataset can charge every row its true size in bytes.

export type CsvCell = string | number;

export interface CsvRecord {
  cells: string[];
  /** Character offsets of the record in the text; `end` includes its line break. */
  start: number;
  end: number;
}

const NEEDS_QUOTES = /[",\r\n]/;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function formatCsvCell(cell: CsvCell | undefined): string {
  if (cell === undefined) return '';
  // A number's text never needs quoting.
  if (typeof cell === 'number') return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatCsvLine(row: Readonly<Record<string, CsvCell>>, columns: readonly string[]): string {
  let line = '';
  for (let c = 0; c < columns.length; c++) {
    if (c > 0) line += ',';
    line += formatCsvCell(row[columns[c]!]);
  }
  return line;
}

/** Header plus one line per row, each ending in a newline. */
export function rowsToCsv(rows: readonly Readonly<Record<string, CsvCell>>[], columns: readonly string[]): string {
  const lines = [columns.map((c) => formatCsvCell(c)).join(',')];
  for (const row of rows) lines.push(formatCsvLine(row, columns));
  return lines.join('\n') + '\n';
}

/** A finite number when the whole cell is a plain decimal literal, otherwise undefined. */
export function parseNumericCell(cell: string): number | undefined {
  if (!NUMERIC.test(cell)) return undefined;
  const n = Number(cell);
  return Number.isFinite(n) ? n : undefined;
}

/** Splits CSV text into records. Blank lines are skipped; quoted fields may hold commas, quotes and line breaks. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < n) {
    const start = pos;
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline === -1 ? n : newline;
    const quote = text.indexOf('"', pos);
    if (quote !== -1 && quote < lineEnd) {
      const { cells, next } = readQuotedRecord(text, pos);
      records.push({ cells, start, end: next });
      pos = next;
      continue;
    }
    pos = newline === -1 ? n : newline + 1;
    const line = text.charCodeAt(lineEnd - 1) === 13 ? text.slice(start, lineEnd - 1) : text.slice(start, lineEnd);
    if (line !== '') records.push({ cells: line.split(','), start, end: pos });
  }
  return records;
}

/** Character-by-character reader for a record that contains quotes. */
function readQuotedRecord(text: string, from: number): { cells: string[]; next: number } {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = from;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') {
        cell += ch;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      break;
    } else if (ch !== '\r' || text[i + 1] !== '\n') {
      cell += ch;
    }
  }
  cells.push(cell);
  return { cells, next: Math.min(i + 1, text.length) };
}

/** UTF-8 size of text[start, end) without allocating a copy. */
export function utf8ByteLength(text: string, start = 0, end = text.length): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}
