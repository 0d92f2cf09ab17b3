// The credit-risk rows written straight into columns (a RowTable). Rows are
// drawn in the same order and from the same streams as generateCreditRiskRows,
// so a seed gives the same applicants; only the broken cells of corrupted rows
// are kept as written. The builder fills a slice at a time, so a caller can
// report progress and stay responsive while a million rows are made.
import { createRandom, type Random } from '../random';
import { corruptRow, defaultLogit, drawApplicant, sigmoid, clamp, type CreditRiskRow } from './credit-risk-draw';
import { formatCsvCell } from './csv';
import { CREDIT_RISK_FEATURES } from './credit-risk-schema';
import type { RowCell, RowIds, RowTable } from './row-table';

export interface CreditRiskTableOptions {
  corruptShare?: number;
  skew?: number;
}

export interface CreditRiskTableBuilder {
  readonly count: number;
  readonly rowsDone: number;
  /** Draws up to `rows` more rows; true once every row is there. */
  fill(rows: number): boolean;
  /** The finished table (fills what is left first). */
  table(): RowTable;
}

const NAMES = CREDIT_RISK_FEATURES.map((f) => f.name);
const DECIMALS = CREDIT_RISK_FEATURES.map((f) => f.decimals);

/** The ids generateCreditRiskRows gives: cr-00001 and on, at least five digits. */
export function creditRiskIds(count: number): RowIds {
  return { prefix: 'cr-', width: Math.max(5, String(count).length) };
}

/** Length of one CSV cell as written, without building the line. */
function cellLength(value: RowCell): number {
  return typeof value === 'number' ? String(value).length : formatCsvCell(value).length;
}

export function creditRiskTableBuilder(count: number, seed: number, options: CreditRiskTableOptions = {}): CreditRiskTableBuilder {
  const corruptShare = options.corruptShare ?? 0.015;
  const skew = clamp(options.skew ?? 0, 0, 1);
  const rng = createRandom(seed);
  const corruptRng = rng.fork('corruption');
  const labelRng = rng.fork('labels');
  const f = NAMES.length;
  const ids = creditRiskIds(count);
  const idLength = ids.prefix.length + ids.width;
  const table: RowTable = {
    columns: NAMES,
    decimals: DECIMALS,
    data: new Float32Array(count * f),
    rows: count,
    bytes: new Uint16Array(count),
    ids,
    labels: new Uint8Array(count),
    cells: new Map(),
  };
  const cells = table.cells as Map<number, Record<string, RowCell>>;
  let done = 0;
  const drawRow = (r: number): void => {
    const row = drawApplicant(rng, skew, '');
    const label = labelRng.next() < sigmoid(defaultLogit(row)) ? 1 : 0;
    if (corruptRng.next() < corruptShare) cells.set(r, brokenCells(row, corruptRng));
    // id, the features, the label: commas between the 12 cells, then the newline.
    let bytes = idLength + 1 + f + 1 + 1;
    for (let c = 0; c < f; c++) {
      const v = row[NAMES[c]!]!;
      table.data[r * f + c] = typeof v === 'number' ? v : NaN;
      bytes += cellLength(v);
    }
    table.bytes[r] = bytes;
    table.labels![r] = label;
  };
  const builder: CreditRiskTableBuilder = {
    count,
    get rowsDone() {
      return done;
    },
    fill(rows) {
      const end = Math.min(count, done + rows);
      for (; done < end; done++) drawRow(done);
      return done === count;
    },
    table() {
      builder.fill(count);
      return table;
    },
  };
  return builder;
}

/** Corrupts the row as generateCreditRiskRows does, and returns the cells it changed, as written. */
function brokenCells(row: CreditRiskRow, rng: Random): Record<string, RowCell> {
  const before = { ...row };
  corruptRow(row, rng);
  const changed: Record<string, RowCell> = {};
  for (const name of NAMES) if (row[name] !== before[name]) changed[name] = row[name]!;
  return changed;
}

export function generateCreditRiskTable(count: number, seed: number, options: CreditRiskTableOptions = {}): RowTable {
  return creditRiskTableBuilder(count, seed, options).table();
}
