// The columns of the synthetic credit-risk table. Each feature carries the
// decimals it is written with and the range a sane value falls in: values
// outside it are treated as corrupted, both in training and in scoring.

export interface FeatureSpec {
  name: string;
  decimals: number;
  min: number;
  max: number;
}

export const CREDIT_RISK_FEATURES: readonly FeatureSpec[] = [
  { name: 'age', decimals: 0, min: 18, max: 100 },
  { name: 'annual_income', decimals: 0, min: 5_000, max: 1_000_000 },
  { name: 'debt_to_income', decimals: 3, min: 0, max: 2 },
  { name: 'credit_utilization', decimals: 3, min: 0, max: 1 },
  { name: 'late_payments_12m', decimals: 0, min: 0, max: 24 },
  { name: 'open_accounts', decimals: 0, min: 0, max: 60 },
  { name: 'loan_amount', decimals: 0, min: 500, max: 200_000 },
  { name: 'employment_years', decimals: 1, min: 0, max: 60 },
  { name: 'credit_history_years', decimals: 1, min: 0, max: 80 },
  { name: 'recent_inquiries_6m', decimals: 0, min: 0, max: 30 },
];

export const CREDIT_RISK_FEATURE_NAMES: readonly string[] = CREDIT_RISK_FEATURES.map((f) => f.name);

/** CSV column order: the id, the features, then the ground-truth label. */
export const CREDIT_RISK_COLUMNS: readonly string[] = ['id', ...CREDIT_RISK_FEATURE_NAMES, 'label'];

export interface FeatureRange {
  min: number;
  max: number;
}

/** True when every value of a row is a finite number inside its range. */
export function isValidFeatureRow(
  data: ArrayLike<number>,
  offset: number,
  ranges: readonly FeatureRange[],
): boolean {
  for (let c = 0; c < ranges.length; c++) {
    const v = data[offset + c]!;
    const r = ranges[c]!;
    // NaN fails both comparisons, so it lands here too.
    if (!(v >= r.min && v <= r.max)) return false;
  }
  return true;
}
