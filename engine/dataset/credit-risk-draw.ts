// One synthetic loan applicant at a time: features drawn with realistic
// dependencies, the default label's log-odds, and the broken cells a bad
// export leaves. Both generators (records and columns) draw through these, in
// the same order, so a seed gives the same rows either way.
import type { Random } from '../random';
import { CREDIT_RISK_FEATURE_NAMES } from './credit-risk-schema';

export type CreditRiskRow = Record<string, string | number>;

/** What a broken export might put in a numeric cell. */
const GARBAGE = ['', 'N/A', '#VALUE!', 'NaN', 'null', '-', '??', '#DIV/0!', 'twelve', 'see notes', '1,250', 'unknown'];
/** Absurd but numeric: parses fine, fails the range check. */
const ABSURD = ['-999', '99999999', '-1'];

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

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

/** Rounds to a fixed number of decimals (the value then prints exactly as written to CSV). */
function round(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}

/**
 * One applicant, rounded as written out. Keys follow CREDIT_RISK_COLUMNS; an
 * object literal keeps one shape for every row, which matters at a million rows.
 */
export function drawApplicant(rng: Random, skew: number, id: string): CreditRiskRow {
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
  return {
    id,
    age: Math.round(age),
    annual_income: Math.round(income),
    debt_to_income: round(dti, 1000),
    credit_utilization: round(utilization, 1000),
    late_payments_12m: late,
    open_accounts: accounts,
    loan_amount: Math.round(loan),
    employment_years: round(employment, 10),
    credit_history_years: round(history, 10),
    recent_inquiries_6m: inquiries,
    label: 0,
  };
}

/** Log-odds of default for one applicant (uses the rounded values that are written out). */
export function defaultLogit(row: CreditRiskRow): number {
  const v = row as Record<string, number>;
  return (
    -1.8 +
    3.2 * (v.debt_to_income! - 0.3) +
    3.0 * (v.credit_utilization! - 0.35) +
    0.65 * v.late_payments_12m! +
    0.25 * v.recent_inquiries_6m! -
    1.2 * (Math.log(v.annual_income!) - 10.8) +
    1.8 * (v.loan_amount! / v.annual_income! - 0.25) -
    0.05 * (v.employment_years! - 6) -
    0.025 * (v.age! - 42) -
    0.03 * (v.credit_history_years! - 12) +
    0.03 * (v.open_accounts! - 8)
  );
}

export function corruptRow(row: CreditRiskRow, rng: Random): void {
  const cells = rng.next() < 0.25 ? 2 : 1;
  for (let k = 0; k < cells; k++) {
    const name = CREDIT_RISK_FEATURE_NAMES[rng.int(0, CREDIT_RISK_FEATURE_NAMES.length - 1)]!;
    const pool = rng.next() < 0.15 ? ABSURD : GARBAGE;
    const text = pool[rng.int(0, pool.length - 1)]!;
    // Absurd values are numbers in the file, so keep them numbers in the record too.
    row[name] = pool === ABSURD ? Number(text) : text;
  }
}

