import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  columnarRefOf,
  contiguousFeatureBlock,
  CREDIT_RISK_FEATURE_NAMES,
  CREDIT_RISK_FEATURES,
  isValidFeatureRow,
  parseCsvDataset,
  readFeatureRow,
} from '../../../engine/dataset/index';
import { planMiniBatches } from '../../../engine/index';

const SAMPLE = [
  'id,age,income,city,label',
  'a1,30,52000.5,Oslo,0',
  'a2,N/A,41000,"Rome, IT",1',
  'a3,44,,Paris,0',
  'a4,51,60000',
  '',
].join('\n');

describe('parseCsvDataset', () => {
  const ds = parseCsvDataset(SAMPLE, { source: 'sample.csv' });

  it('makes one tabular item per data row, keyed by the id column, corrupted rows included', () => {
    expect(ds.kind).toBe('tabular');
    expect(ds.items.map((i) => i.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ds.items.every((i) => i.source === 'sample.csv')).toBe(true);
  });

  it('parses numbers and leaves other cells as strings', () => {
    expect(ds.items[0]!.value).toEqual({ id: 'a1', age: 30, income: 52000.5, city: 'Oslo', label: 0 });
    expect(ds.items[1]!.value).toEqual({ id: 'a2', age: 'N/A', income: 41000, city: 'Rome, IT', label: 1 });
    expect((ds.items[2]!.value as Record<string, unknown>).income).toBe('');
  });

  it('charges each row its byte length including the newline', () => {
    const lines = ['a1,30,52000.5,Oslo,0\n', 'a2,N/A,41000,"Rome, IT",1\n', 'a3,44,,Paris,0\n', 'a4,51,60000\n'];
    expect(ds.items.map((i) => i.bytes)).toEqual(lines.map((l) => l.length));
    const header = SAMPLE.indexOf('\n') + 1;
    expect(ds.items.reduce((s, i) => s + i.bytes, 0)).toBe(SAMPLE.length - header);
  });

  it('stores feature columns in a shared Float32Array with NaN for unusable cells', () => {
    const ref = columnarRefOf(ds.items[1]!)!;
    expect(ref.row).toBe(1);
    expect(ref.matrix.columns).toEqual(['age', 'income', 'city']);
    expect(columnarRefOf(ds.items[0]!)!.matrix).toBe(ref.matrix);
    const row1 = Array.from(ref.matrix.data.subarray(3, 6));
    expect(row1[0]).toBeNaN();
    expect(row1[1]).toBe(41000);
    expect(row1[2]).toBeNaN();
  });

  it('distrusts every number of a row with the wrong field count', () => {
    const { matrix, row } = columnarRefOf(ds.items[3]!)!;
    expect(Array.from(matrix.data.subarray(row * 3, row * 3 + 3)).every(Number.isNaN)).toBe(true);
  });

  it('uses a row number when the id cell is empty, and honours idColumn', () => {
    const other = parseCsvDataset('key,v\n,1\nk2,2\n', { idColumn: 'key' });
    expect(other.items.map((i) => i.id)).toEqual(['row-1', 'k2']);
  });

  it('counts multi-byte characters in UTF-8', () => {
    const other = parseCsvDataset('id,name\nx,Zoë\n');
    expect(other.items[0]!.bytes).toBe(new TextEncoder().encode('x,Zoë\n').length);
  });
});

describe('columnar lookup', () => {
  const text = readFileSync(join(import.meta.dirname, '../../../public/data/credit-risk.csv'), 'utf8');
  const ds = parseCsvDataset(text);

  it('hands out a shared view for a contiguous run of items', () => {
    const items = ds.items.slice(100, 140);
    const block = contiguousFeatureBlock(items, CREDIT_RISK_FEATURE_NAMES)!;
    expect(block.firstRow).toBe(100);
    expect(block.data.length).toBe(40 * 10);
    expect(block.data.buffer).toBe(columnarRefOf(items[0]!)!.matrix.data.buffer);
    const age = (items[7]!.value as Record<string, unknown>).age;
    expect(block.data[7 * 10]).toBe(typeof age === 'number' ? age : NaN);
  });

  it('serves every mini-batch the engine plans from the shared matrix', () => {
    const batches = planMiniBatches(ds, { mini_batch_size: '64KB' });
    expect(batches.length).toBeGreaterThan(5);
    for (const batch of batches) expect(contiguousFeatureBlock(batch.items, CREDIT_RISK_FEATURE_NAMES)).toBeDefined();
  });

  it('refuses a run that is not contiguous or has other columns', () => {
    expect(contiguousFeatureBlock([ds.items[5]!, ds.items[7]!], CREDIT_RISK_FEATURE_NAMES)).toBeUndefined();
    expect(contiguousFeatureBlock(ds.items.slice(0, 3), ['age'])).toBeUndefined();
    const copies = ds.items.slice(0, 3).map((i) => ({ ...i }));
    expect(contiguousFeatureBlock(copies, CREDIT_RISK_FEATURE_NAMES)).toBeUndefined();
  });

  it('reads the same values per item from the matrix or from the record', () => {
    const fromMatrix = new Float32Array(10);
    const fromRecord = new Float32Array(10);
    for (const item of ds.items.slice(0, 500)) {
      readFeatureRow(item, CREDIT_RISK_FEATURE_NAMES, fromMatrix, 0);
      readFeatureRow({ ...item }, CREDIT_RISK_FEATURE_NAMES, fromRecord, 0);
      expect(Array.from(fromRecord)).toEqual(Array.from(fromMatrix));
    }
  });

  it('keeps 1–2% of the committed rows unusable', () => {
    const { matrix } = columnarRefOf(ds.items[0]!)!;
    let invalid = 0;
    for (let r = 0; r < matrix.rows; r++) if (!isValidFeatureRow(matrix.data, r * 10, CREDIT_RISK_FEATURES)) invalid++;
    expect(ds.items.length).toBeGreaterThanOrEqual(10_000);
    expect(invalid / ds.items.length).toBeGreaterThanOrEqual(0.01);
    expect(invalid / ds.items.length).toBeLessThanOrEqual(0.02);
  });
});
