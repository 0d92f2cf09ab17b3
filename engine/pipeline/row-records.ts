// rowRecord for credit-risk tables, built as one object literal. rowRecord
// adds the cells one by one, so each record regrows its property store; with
// 100,000 records that allocation (and the collector copying it) was most of
// the cost of making items. Same keys in the same order, same values.
import { CREDIT_RISK_COLUMNS } from '../dataset/credit-risk-schema';
import { rowIdOf, rowRecord, type RowCell, type RowTable } from '../dataset/row-table';

/** The literal below spells out these columns; any other layout goes through rowRecord. */
const LITERAL_COLUMNS = ['id', 'age', 'annual_income', 'debt_to_income', 'credit_utilization', 'late_payments_12m', 'open_accounts', 'loan_amount', 'employment_years', 'credit_history_years', 'recent_inquiries_6m', 'label'];
const FEATURES = LITERAL_COLUMNS.slice(1, -1);
const literalMatchesSchema = LITERAL_COLUMNS.length === CREDIT_RISK_COLUMNS.length && LITERAL_COLUMNS.every((c, i) => c === CREDIT_RISK_COLUMNS[i]);

/** A function giving rowRecord(table, r) for each row of `table`. */
export function recordMaker(table: RowTable): (r: number) => Record<string, RowCell> {
  const fits = literalMatchesSchema && table.labels !== null && table.columns.length === FEATURES.length && table.columns.every((c, i) => c === FEATURES[i]);
  if (!fits) return (r) => rowRecord(table, r);
  const { data, labels, cells, ids } = table;
  // As rowRecord rounds: Math.round(value * 10 ** decimals) / 10 ** decimals.
  const s = table.decimals.map((d) => 10 ** d);
  const at = (r: number, c: number): number => Math.round(data[r * 10 + c]! * s[c]!) / s[c]!;
  return (r) => {
    const record: Record<string, RowCell> = {
      id: rowIdOf(ids, r),
      age: at(r, 0),
      annual_income: at(r, 1),
      debt_to_income: at(r, 2),
      credit_utilization: at(r, 3),
      late_payments_12m: at(r, 4),
      open_accounts: at(r, 5),
      loan_amount: at(r, 6),
      employment_years: at(r, 7),
      credit_history_years: at(r, 8),
      recent_inquiries_6m: at(r, 9),
      label: labels![r]!,
    };
    const written = cells.get(r);
    return written ? Object.assign(record, written) : record;
  };
}
