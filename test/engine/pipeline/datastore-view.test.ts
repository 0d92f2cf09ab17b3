// Reading the datastore as a view against reading it item by item: the same
// items (sources included), the same sizes, and CSV blobs still parsed.
import { describe, expect, it } from 'vitest';
import { createWorkspace, updateDatastoreBlob } from '@/engine/index';
import { generateCreditRiskDataset } from '@/engine/dataset/credit-risk-generator';
import { CREDIT_RISK_COLUMNS } from '@/engine/dataset/credit-risk-schema';
import { generatedBlobBytes, readBlobDataset, readDatastoreDataset } from '@/engine/pipeline/datastore';
import { viewOf } from '@/engine/pipeline/table-view';

const FOLDER = 'credit-risk/applicants/';

describe('readDatastoreDataset', () => {
  it('keeps generated blobs as one view with the items of each blob in path order', () => {
    const ws = createWorkspace({ sampleRows: 120 });
    const store = ws.datastores.workspaceblobstore!;
    const { dataset, bytes, blobs } = readDatastoreDataset(store, FOLDER);
    expect(viewOf(dataset)?.segments).toHaveLength(2);
    expect(blobs).toEqual([`${FOLDER}applicants-001.csv`, `${FOLDER}applicants-002.csv`]);
    expect(bytes).toBe(store.blobs[blobs[0]!]!.bytes + store.blobs[blobs[1]!]!.bytes);
    const perBlob = blobs.flatMap((name) => readBlobDataset(name, store.blobs[name]!).items);
    expect(dataset.items).toEqual(perBlob);
    const first = generateCreditRiskDataset(120, store.blobs[blobs[0]!]!.generator!.seed).items;
    expect(dataset.items.slice(0, 120)).toEqual(first.map((item) => ({ ...item, source: blobs[0] })));
  });

  it('falls back to items when a blob holds CSV text', () => {
    const ws = createWorkspace({ sampleRows: 30 });
    updateDatastoreBlob(ws, 'workspaceblobstore', `${FOLDER}applicants-003.csv`, 'id,age\nx-1,40\n');
    const { dataset } = readDatastoreDataset(ws.datastores.workspaceblobstore!, FOLDER);
    expect(viewOf(dataset)).toBeUndefined();
    expect(dataset.items).toHaveLength(61);
    expect(dataset.items[60]).toMatchObject({ id: 'x-1', source: `${FOLDER}applicants-003.csv` });
  });

  it('sizes a generated blob as its header plus every line', () => {
    const source = { kind: 'credit-risk' as const, rows: 250, seed: 77, corruptShare: 0.1 };
    const items = generateCreditRiskDataset(250, 77, { corruptShare: 0.1 }).items;
    expect(generatedBlobBytes(source)).toBe(CREDIT_RISK_COLUMNS.join(',').length + 1 + items.reduce((s, i) => s + i.bytes, 0));
  });
});
