// Synthetic loan applicants. Features are drawn with realistic dependencies
// (older → longer history, income → loan size) and the default label comes
// from a logistic model over them, including terms a plain linear model on the
// raw features cannot capture exactly (log income, loan-to-income), so a
// trained model is good but not perfect.
import { createRandom, type Random } from '../random';
import type { Dataset } from '../types';
import { formatCsvLine, rowsToCsv } from './csv';
import { CREDIT_RISK_COLUMNS, CREDIT_RISK_FEATURE_NAMES, CREDIT_RISK_FEATURES } from './credit-risk-schema';
import { buildTabularDataset, type TabularRow } from './tabular-dataset';

export type CreditRiskRow = Record<string, string | number>;

export interface CreditRiskOptions {
  /** Share of rows with a deliberately broken feature cell (default 0.015). */
  corruptShare?: number;
  /**
   * Population drift, 0 (default) to 1: at 1 applicants earn less, use more of
   * their credit and miss more payments. Useful for showing data drift.
   */
  skew?: number;
}

/** What a broken export might put in a numeric cell. */
const GARBAGE = ['', 'N/A', '#VALUE!', 'NaN', 'null', '-', '??', '#DIV/0!', 'twelve', 'see notes', '1,250', 'unknown'];
/** Absurd but numeric: parses fine, fails the range check. */
const ABSURD = ['-999', '99999999', '-1'];

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function poisson(rng: Random, lambda: number): number {
  // Knuth's method; lambda stays small here.
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

/** Raw feature values of one applicant, before rounding. */
function drawApplicant(rng: Random, skew: number): number[] {
  const age = clamp(42 + 12 * rng.normal(), 21, 75);
  const employment = clamp((age - 20) * rng.next() * 0.8, 0, age - 18);
  const history = clamp((age - 18) * (0.3 + 0.6 * rng.next()), 0.5, age - 17);
  const logIncome = 10.8 - 0.25 * skew + 0.35 * rng.normal() + 0.008 * (age - 40) + 0.012 * employment;
  const income = clamp(Math.exp(logIncome), 12_000, 400_000);
  const loan = clamp(Math.exp(9.3 + 0.5 * rng.normal() + 0.35 * (Math.log(income) - 10.8)), 1_000, 80_000);
  const dti = clamp(0.22 + 0.1 * rng.normal() + 0.25 * (loan / income) + 0.08 * skew, 0, 1.5);
  const utilization = clamp(sigmoid(-0.7 + 0.9 * skew + 1.2 * rng.normal()), 0, 1);
  const late = Math.min(12, poisson(rng, 0.25 + 1.6 * utilization * utilization + 0.5 * skew));
  const accounts = clamp(Math.round(3 + 0.25 * history + 2.5 * rng.normal()), 1, 30);
  const inquiries = Math.min(10, poisson(rng, 0.6 + 0.9 * utilization));
  return [age, income, dti, utilization, late, accounts, loan, employment, history, inquiries];
}

/** Log-odds of default for one applicant (uses the rounded values that are written out). */
function defaultLogit(v: readonly number[]): number {
  const [age, income, dti, util, late, accounts, loan, employment, history, inquiries] = v as [
    number, number, number, number, number, number, number, number, number, number,
  ];
  return (
    -1.8 +
    3.2 * (dti - 0.3) +
    3.0 * (util - 0.35) +
    0.65 * late +
    0.25 * inquiries -
    1.2 * (Math.log(income) - 10.8) +
    1.8 * (loan / income - 0.25) -
    0.05 * (employment - 6) -
    0.025 * (age - 42) -
    0.03 * (history - 12) +
    0.03 * (accounts - 8)
  );
}

function idFor(index: number, count: number): string {
  return `cr-${String(index + 1).padStart(Math.max(5, String(count).length), '0')}`;
}

/**
 * `count` applicants as CSV-ready records keyed by CREDIT_RISK_COLUMNS. A
 * corrupted row has one or two feature cells replaced by garbage text or an
 * absurd number; its label is still the ground truth.
 */
export function generateCreditRiskRows(count: number, seed: number, options: CreditRiskOptions = {}): CreditRiskRow[] {
  const corruptShare = options.corruptShare ?? 0.015;
  const skew = clamp(options.skew ?? 0, 0, 1);
  const rng = createRandom(seed);
  // Separate streams: changing the corruption share never changes the clean values or labels.
  const corruptRng = rng.fork('corruption');
  const labelRng = rng.fork('labels');
  const rows: CreditRiskRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const values = drawApplicant(rng, skew).map((v, c) => round(v, CREDIT_RISK_FEATURES[c]!.decimals));
    const label = labelRng.next() < sigmoid(defaultLogit(values)) ? 1 : 0;
    const row: CreditRiskRow = { id: idFor(i, count) };
    CREDIT_RISK_FEATURE_NAMES.forEach((name, c) => (row[name] = values[c]!));
    row.label = label;
    if (corruptRng.next() < corruptShare) corruptRow(row, corruptRng);
    rows[i] = row;
  }
  return rows;
}

function corruptRow(row: CreditRiskRow, rng: Random): void {
  const cells = rng.next() < 0.25 ? 2 : 1;
  for (let k = 0; k < cells; k++) {
    const name = CREDIT_RISK_FEATURE_NAMES[rng.int(0, CREDIT_RISK_FEATURE_NAMES.length - 1)]!;
    const pool = rng.next() < 0.15 ? ABSURD : GARBAGE;
    const text = pool[rng.int(0, pool.length - 1)]!;
    // Absurd values are numbers in the file, so keep them numbers in the record too.
    row[name] = pool === ABSURD ? Number(text) : text;
  }
}

/**
 * The same rows as a Dataset built in memory, with the layout parseCsvDataset
 * gives (same values, byte sizes and feature matrix), without the CSV round trip.
 */
export function generateCreditRiskDataset(count: number, seed: number, options: CreditRiskOptions = {}): Dataset {
  const rows = generateCreditRiskRows(count, seed, options);
  const tabular: TabularRow[] = rows.map((value) => ({
    id: String(value.id),
    value,
    bytes: formatCsvLine(value, CREDIT_RISK_COLUMNS).length + 1,
  }));
  return buildTabularDataset(tabular, { featureColumns: CREDIT_RISK_FEATURE_NAMES });
}

/** The CSV text of generated rows, header included, one line per row. */
export function creditRiskRowsToCsv(rows: readonly CreditRiskRow[]): string {
  return rowsToCsv(rows, CREDIT_RISK_COLUMNS);
}
