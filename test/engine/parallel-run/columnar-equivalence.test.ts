// A job over a columnar dataset must be indistinguishable from the same job
// over the same rows as plain items: counts, mini-batches, attempts, logs,
// duration, cost and every output line, with the ONNX entry script, with
// faults that name items by id, and in the batch-deployment dialect with the
// rows arriving as files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evenFileStarts, generateCreditRiskDataset, tableDataset, withRowFiles } from '@/engine/dataset/index';
import { createOnnxEntryScript, loadOrt, sharingSessions } from '@/engine/onnx/index';
import { isScoredColumns, outputLines, simulateParallelRun, type FaultPlan } from '@/engine/parallel-run/index';
import { simulateDialectJob } from '@/engine/dialects/index';
import type { Dataset, ParallelRunConfig } from '@/engine/types';

const modelBytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../public/models/credit-risk.onnx')));
const entryScript = createOnnxEntryScript(modelBytes, { ort: async () => sharingSessions(await loadOrt()) });

const dataset = generateCreditRiskDataset(1200, 77, { corruptShare: 0.04 });
/** The same rows as an item dataset: no table, so the job plans and scores item by item. */
const items: Dataset = { kind: 'tabular', items: dataset.items };

type Result = Awaited<ReturnType<typeof simulateParallelRun>>;

/** Both results equal in everything but how the output is stored; returns the table run's output lines. */
function expectSame(table: Result, plain: Result): string[] {
  expect({ ...table, output: null }).toEqual({ ...plain, output: null });
  expect(table.output === null).toBe(plain.output === null);
  if (!table.output || !plain.output) return [];
  expect(table.output.lineCount).toBe(plain.output.lineCount);
  expect(table.output.partial).toBe(plain.output.partial);
  const lines = outputLines(table.output);
  expect(lines).toEqual(outputLines(plain.output));
  // The table run really went through runRows (otherwise the comparison proves nothing).
  expect(table.output.parts.every(isScoredColumns)).toBe(true);
  expect(plain.output.parts.some(isScoredColumns)).toBe(false);
  return lines;
}

const config = (overrides: Partial<ParallelRunConfig> = {}): ParallelRunConfig => ({
  output_action: 'append_row', error_threshold: -1, node_count: 2, process_count_per_node: 2, mini_batch_size: '8KB', ...overrides,
});
const v1 = (data: Dataset, c: ParallelRunConfig, faults?: FaultPlan) => simulateParallelRun({ dataset: data, config: c, entryScript, seed: 9, ...(faults && { faults }) });

describe('simulateParallelRun: table vs items', () => {
  it('gives the same job, and a line per valid row', async () => {
    const table = await v1(dataset, config());
    const lines = expectSame(table, await v1(items, config()));
    expect(table.status).toBe('Completed');
    expect(table.counts.itemsFailed).toBe(dataset.table!.cells.size);
    expect(lines).toHaveLength(1200 - dataset.table!.cells.size);
  });

  it('gives the same failed job under faults that name mini-batches and items', async () => {
    // Slow items by id push their mini-batch past the timeout: the table path must find them by row.
    // The threshold is only crossed once that mini-batch has timed out, after the injected exceptions.
    const slowIds = [dataset.items[5]!.id, dataset.items[700]!.id];
    const faults: FaultPlan = { failingMiniBatches: [{ id: 2 }], slowItems: { seconds: 400, ids: slowIds } };
    const c = config({ run_invocation_timeout: 120, run_max_try: 2, error_threshold: 250 });
    const table = await v1(dataset, c, faults);
    expectSame(table, await v1(items, c, faults));
    const outcomes = table.miniBatches.flatMap((b) => b.attempts.map((a) => a.outcome));
    expect(outcomes).toContain('timeout');
    expect(outcomes).toContain('exception');
    expect(table.status).toBe('Failed');
    expect(table.failureReason).toMatch(/error_threshold/);
  });
});

describe('v2-batch-deployment: table files vs items with a source per file', () => {
  const rowsPerFile = 40;
  const files = tableDataset(withRowFiles(dataset.table!, { starts: evenFileStarts(1200, rowsPerFile), prefix: 'part-', width: 3, suffix: '.csv' }));
  // Copies, not the table's items: the item path then reads each row from its record.
  const sourced: Dataset = { kind: 'tabular', items: dataset.items.map((item, r) => ({ ...item, source: `part-${String(Math.floor(r / rowsPerFile)).padStart(3, '0')}.csv` })) };
  const job = (data: Dataset, settings: Record<string, unknown>, faults?: FaultPlan) =>
    simulateDialectJob({ dialect: 'v2-batch-deployment', config: { resources: { instance_count: 2 }, settings }, dataset: data, entryScript, seed: 4, ...(faults && { faults }) });

  it('hands run() the same whole files and writes the same predictions', async () => {
    const table = await job(files, { mini_batch_size: 3 });
    const lines = expectSame(table, await job(sourced, { mini_batch_size: 3 }));
    expect(table.miniBatches.map((b) => [b.firstItem, b.itemCount])).toEqual(Array.from({ length: 10 }, (_, k) => [k * 120, 120]));
    expect(lines).toHaveLength(1200 - dataset.table!.cells.size);
  });

  it('fails alike when failed files exceed settings.error_threshold', async () => {
    const faults: FaultPlan = { failingMiniBatches: [{ id: 1 }, { id: 4 }] };
    const settings = { mini_batch_size: 2, error_threshold: 3, retry_settings: { max_retries: 1 } };
    const table = await job(files, settings, faults);
    expectSame(table, await job(sourced, settings, faults));
    expect(table.status).toBe('Failed');
    expect(table.failedSettings).toEqual(['settings.error_threshold']);
  });
});
