// Synthetic loan applicants. Features are drawn with realistic dependencies
// (older → longer history, income → loan size) and the default label comes
// from a logistic model over them, including terms a plain linear model on the
// raw features cannot capture exactly (log income, loan-to-income), so a
// trained model is good but not perfect.
import { createRandom } from '../random';
import { corruptRow, defaultLogit, drawApplicant, sigmoid, clamp, type CreditRiskRow } from './credit-risk-draw';
import type { Dataset } from '../types';
import { rowsToCsv } from './csv';
import { CREDIT_RISK_COLUMNS } from './credit-risk-schema';
import { generateCreditRiskTable } from './credit-risk-table';
import { tableDataset } from './row-table';

export type { CreditRiskRow } from './credit-risk-draw';

export interface CreditRiskOptions {
  /** Share of rows with a deliberately broken feature cell (default 0.015). */
  corruptShare?: number;
  /**
   * Population drift, 0 (default) to 1: at 1 applicants earn less, use more of
   * their credit and miss more payments. Useful for showing data drift.
   */
  skew?: number;
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
    const row = drawApplicant(rng, skew, idFor(i, count));
    row.label = labelRng.next() < sigmoid(defaultLogit(row)) ? 1 : 0;
    if (corruptRng.next() < corruptShare) corruptRow(row, corruptRng);
    rows[i] = row;
  }
  return rows;
}

/**
 * The same rows as a columnar Dataset (see credit-risk-table.ts): the values,
 * byte sizes and feature matrix parseCsvDataset gives, without the CSV round
 * trip and without an object per row.
 */
export function generateCreditRiskDataset(count: number, seed: number, options: CreditRiskOptions = {}): Dataset {
  return tableDataset(generateCreditRiskTable(count, seed, options));
}

/** The CSV text of generated rows, header included, one line per row. */
export function creditRiskRowsToCsv(rows: readonly CreditRiskRow[]): string {
  return rowsToCsv(rows, CREDIT_RISK_COLUMNS);
}
