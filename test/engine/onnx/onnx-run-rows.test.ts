// The ONNX script's columnar path (runRows) must score a table's rows exactly
// as run() scores the same rows as items: same ids, rounded scores, labels and
// "skipped N of M rows" log line, also when the table's columns are not the
// model's (it then falls back to the item path, reading cells by name).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCreditRiskTable, rowIdOf, tableItems } from '@/engine/dataset/index';
import { createOnnxEntryScript, loadOrt, sharingSessions, type ScoredRow } from '@/engine/onnx/index';
import type { DataItem, RowTable, ScoredColumns } from '@/engine/types';

const modelBytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../public/models/credit-risk.onnx')));
// One real session for every script made here: the tests compare paths, not sessions.
const factory = createOnnxEntryScript(modelBytes, { ort: async () => sharingSessions(await loadOrt()) });
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

async function started() {
  const logs: string[] = [];
  const machine = { vmSize: 'Standard_DS3_v2', gpu: false, cores: 4, memoryGiB: 14, node: 0, process: 0, spend: () => {}, log: (m: string) => void logs.push(m) };
  const script = factory();
  await script.init!(machine);
  const ctx = { ...machine, attempt: 1, miniBatchId: 0 };
  return {
    logs,
    rows: (table: RowTable, start: number, count: number) => script.runRows!({ table, start, count }, ctx) as Promise<ScoredColumns>,
    items: (items: DataItem[]) => script.run(items, ctx) as Promise<ScoredRow[]>,
  };
}

/** Scored columns as the rows run() would return. */
const asRows = (out: ScoredColumns): ScoredRow[] => [...out.rows].map((row, i) => ({ id: rowIdOf(out.ids, row), score: round6(out.scores[i]!), label: out.labels[i]! }));

const table = generateCreditRiskTable(400, 31, { corruptShare: 0.08 });

/** The same rows with their columns in another order (and one extra): not the model's layout. */
function reordered(source: RowTable, columns: readonly string[]): RowTable {
  const f = source.columns.length;
  const data = new Float32Array(source.rows * columns.length);
  for (let r = 0; r < source.rows; r++) {
    columns.forEach((name, c) => {
      const from = source.columns.indexOf(name);
      data[r * columns.length + c] = from < 0 ? 1234 : source.data[r * f + from]!;
    });
  }
  const decimals = columns.map((name) => source.decimals[source.columns.indexOf(name)] ?? 0);
  return { ...source, columns, decimals, data };
}

describe('runRows', () => {
  it('scores any row range as run() scores those rows as items, logging the same skip line', async () => {
    const a = await started();
    const b = await started();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 120 }), async (start, length) => {
        const count = Math.min(length, 400 - start);
        a.logs.length = 0;
        b.logs.length = 0;
        const columns = await a.rows(table, start, count);
        const rows = await b.items(tableItems(table).slice(start, start + count));
        expect(columns.kind).toBe('scored_rows');
        expect(asRows(columns)).toEqual(rows);
        expect(a.logs).toEqual(b.logs);
      }),
      { numRuns: 25 },
    );
  });

  it('skips the corrupted rows of its range and names them in one log line', async () => {
    const s = await started();
    const out = await s.rows(table, 0, 400);
    const bad = [...table.cells.keys()].sort((x, y) => x - y);
    expect(bad.length).toBeGreaterThan(10);
    expect([...out.rows]).toEqual([...Array(400).keys()].filter((r) => !table.cells.has(r)));
    expect(s.logs).toHaveLength(1);
    expect(s.logs[0]).toMatch(new RegExp(`^skipped ${bad.length} of 400 rows .*: ${bad.slice(0, 5).map((r) => rowIdOf(table.ids, r)).join(', ')} and ${bad.length - 5} more$`));
  });

  it('returns no rows, as run() does, when every row is broken', async () => {
    const broken = generateCreditRiskTable(30, 5, { corruptShare: 1 });
    const a = await started();
    const b = await started();
    const out = await a.rows(broken, 0, 30);
    expect(out.rows).toHaveLength(0);
    expect(await b.items(tableItems(broken))).toEqual([]);
    expect(a.logs).toEqual(b.logs);
    expect(a.logs[0]).toMatch(/^skipped 30 of 30 rows/);
  });

  it('falls back to the item path when the table columns are not the model inputs', async () => {
    const reversed = [...table.columns].reverse();
    for (const columns of [reversed, [...table.columns, 'extra']]) {
      const other = reordered(table, columns);
      const a = await started();
      const b = await started();
      const out = await a.rows(other, 50, 150);
      // Rows and ids are those of the table it was given.
      expect(out.ids).toBe(other.ids);
      expect(asRows(out)).toEqual(await b.items(tableItems(table).slice(50, 200)));
      expect(a.logs).toEqual(b.logs);
    }
  });

  it('refuses to run before init()', async () => {
    await expect(factory().runRows!({ table, start: 0, count: 1 }, {} as never)).rejects.toThrow(/before init/);
  });
});
