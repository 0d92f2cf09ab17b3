import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  columnarRefOf,
  CREDIT_RISK_COLUMNS,
  CREDIT_RISK_FEATURES,
  creditRiskRowsToCsv,
  generateCreditRiskDataset,
  generateCreditRiskRows,
  isValidFeatureRow,
  parseCsvDataset,
} from '../../../engine/dataset/index';

const validShare = (count: number, seed: number, corruptShare?: number): number => {
  const ds = generateCreditRiskDataset(count, seed, corruptShare === undefined ? {} : { corruptShare });
  const { matrix } = columnarRefOf(ds.items[0]!)!;
  let valid = 0;
  for (let r = 0; r < matrix.rows; r++) if (isValidFeatureRow(matrix.data, r * 10, CREDIT_RISK_FEATURES)) valid++;
  return valid / count;
};

describe('generateCreditRiskRows', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCreditRiskRows(300, 7)).toEqual(generateCreditRiskRows(300, 7));
    expect(creditRiskRowsToCsv(generateCreditRiskRows(300, 8))).not.toBe(creditRiskRowsToCsv(generateCreditRiskRows(300, 7)));
  });

  it('regenerates the committed CSV byte for byte', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../public/data/credit-risk.csv'), 'utf8');
    expect(creditRiskRowsToCsv(generateCreditRiskRows(12_000, 9501))).toBe(committed);
  });

  it('writes every column, unique ids and 0/1 labels with both classes present', () => {
    const rows = generateCreditRiskRows(2000, 3);
    expect(Object.keys(rows[0]!)).toEqual(CREDIT_RISK_COLUMNS);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2000);
    const positives = rows.filter((r) => r.label === 1).length;
    expect(rows.every((r) => r.label === 0 || r.label === 1)).toBe(true);
    expect(positives / rows.length).toBeGreaterThan(0.1);
    expect(positives / rows.length).toBeLessThan(0.4);
  });

  it('corrupts roughly the requested share and leaves clean values untouched', () => {
    expect(validShare(4000, 5, 0)).toBe(1);
    expect(1 - validShare(4000, 5, 0.1)).toBeGreaterThan(0.08);
    expect(1 - validShare(4000, 5, 0.1)).toBeLessThan(0.12);
    const clean = generateCreditRiskRows(500, 5, { corruptShare: 0 });
    const dirty = generateCreditRiskRows(500, 5, { corruptShare: 0.5 });
    expect(dirty.map((r) => r.label)).toEqual(clean.map((r) => r.label));
    const changed = dirty.filter((r, i) => JSON.stringify(r) !== JSON.stringify(clean[i]));
    expect(changed.length).toBeGreaterThan(150);
  });

  it('skew drifts the population towards riskier applicants', () => {
    const mean = (rows: ReturnType<typeof generateCreditRiskRows>, key: string) =>
      rows.reduce((s, r) => s + Number(r[key]), 0) / rows.length;
    const base = generateCreditRiskRows(3000, 11, { corruptShare: 0 });
    const drifted = generateCreditRiskRows(3000, 11, { corruptShare: 0, skew: 1 });
    expect(mean(drifted, 'credit_utilization')).toBeGreaterThan(mean(base, 'credit_utilization') + 0.1);
    expect(mean(drifted, 'annual_income')).toBeLessThan(mean(base, 'annual_income'));
    expect(mean(drifted, 'label')).toBeGreaterThan(mean(base, 'label'));
  });
});

describe('generateCreditRiskDataset', () => {
  it('matches parsing the same rows from CSV: ids, values, bytes and matrix', () => {
    const inMemory = generateCreditRiskDataset(1500, 21);
    const parsed = parseCsvDataset(creditRiskRowsToCsv(generateCreditRiskRows(1500, 21)));
    expect(inMemory.items).toEqual(parsed.items);
    const a = columnarRefOf(inMemory.items[0]!)!.matrix;
    const b = columnarRefOf(parsed.items[0]!)!.matrix;
    expect(a.columns).toEqual(b.columns);
    expect(Buffer.from(a.data.buffer).equals(Buffer.from(b.data.buffer))).toBe(true);
  });
});
