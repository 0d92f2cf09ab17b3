// The job's log files, shaped like a v1 ParallelRunStep ~/logs folder.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  entryScriptLogPath,
  LOG_PATHS,
  PROCESSED_CSV_COLUMNS,
  simulateParallelRun,
  type ParallelRunSimulation,
} from '@/engine/parallel-run/index';
import type { EntryScriptFactory } from '@/engine/types';
import { config, rows, tabular } from './helpers';

/** Mini-batch 1 throws once, 2 times out once, 3 returns one result short; the rest succeed. */
const mixed: EntryScriptFactory = () => ({
  init: (ctx) => (ctx as unknown as { log(m: string): void }).log('loading model'),
  run: (items, ctx) => {
    ctx.log(`scoring ${items.length} rows`);
    if (ctx.miniBatchId === 1 && ctx.attempt === 1) throw new Error('bad value, "x"');
    if (ctx.miniBatchId === 2 && ctx.attempt === 1) ctx.spend(100);
    if (ctx.miniBatchId === 3) return items.slice(1).map((i) => i.id);
    return items.map((i) => i.id);
  },
});

const parseCsv = (text: string): string[][] => {
  // Small RFC 4180 reader: enough for quoted fields with commas and doubled quotes.
  const out: string[][] = [];
  for (const line of text.trimEnd().split('\n')) {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === ',' && !quoted) {
        fields.push(field);
        field = '';
      } else {
        field += ch;
      }
    }
    fields.push(field);
    out.push(fields);
  }
  return out;
};

describe('job logs', () => {
  let result: ParallelRunSimulation;
  beforeAll(async () => {
    result = await simulateParallelRun({
      dataset: tabular(rows(50)),
      config: config({ node_count: 1, process_count_per_node: 2 }),
      entryScript: mixed,
    });
  });

  it('has the overview, result, error and report files', () => {
    for (const path of Object.values(LOG_PATHS)) expect(result.logs[path]).toBeTypeOf('string');
    expect(result.logs['logs/job_progress_overview.txt']).toMatch(/5 mini-batches created/);
    expect(result.logs['logs/job_progress_overview.txt']).toMatch(/5 of 5 mini-batches processed/);
    expect(result.logs['logs/job_result.txt']).toMatch(/^Status: Completed/);
    expect(result.logs['logs/job_result.txt']).toMatch(/Leader exit code: 0/);
  });

  it('writes processed_mini-batches.csv with one row per attempt and the expected columns', () => {
    const table = parseCsv(result.logs['logs/sys/job_report/processed_mini-batches.csv'] ?? '');
    expect(table[0]).toEqual([...PROCESSED_CSV_COLUMNS]);
    expect(table[0]).toEqual(['Mini-batch Id', 'Picked Count', 'Process', 'Start Time', 'Total', 'Succeeded', 'Failed', 'Elapsed Seconds', 'Status', 'Error']);
    const body = table.slice(1);
    const attempts = result.miniBatches.reduce((n, b) => n + b.attempts.length, 0);
    expect(body).toHaveLength(attempts);
    const row = (id: string, picked: string) => body.find((r) => r[0] === id && r[1] === picked);
    expect(row('1', '1')?.[8]).toBe('RUN_EXCEPTION');
    expect(row('1', '1')?.[9]).toBe('Error: bad value, "x"');
    expect(row('1', '2')?.[8]).toBe('RUN_DONE');
    expect(row('2', '1')?.[8]).toBe('RUN_TIMEOUT');
    expect(row('2', '1')?.[7]).toBe('60.000');
    expect(row('3', '1')?.slice(4, 9)).toEqual(['10', '9', '1', expect.any(String), 'RUN_DONE']);
    expect(row('0', '1')?.[2]).toMatch(/^node-0\/process00[01]$/);
  });

  it('summarises script errors in job_error.txt', () => {
    const errors = result.logs['logs/job_error.txt'] ?? '';
    expect(errors).toMatch(/mini-batch 1, try 1 of 3.*bad value/);
    expect(errors).toMatch(/mini-batch 2, try 1 of 3.*run_invocation_timeout/);
    expect(errors).toMatch(/mini-batch 3.*returned 9 results for 10 inputs/);
  });

  it('keeps one entry-script log per process with what the script logged', () => {
    const p0 = result.logs[entryScriptLogPath(0, 0)] ?? '';
    const p1 = result.logs[entryScriptLogPath(0, 1)] ?? '';
    expect(entryScriptLogPath(0, 1)).toBe('logs/user/entry_script_log/node-0/process001.log.txt');
    for (const log of [p0, p1]) {
      expect(log).toMatch(/loading model/);
      expect(log).toMatch(/scoring 10 rows/);
    }
    const scoring = (p0 + p1).match(/scoring 10 rows/g) ?? [];
    expect(scoring).toHaveLength(7); // 5 mini-batches + 2 retries
  });

  it('explains a failed job in job_result.txt with the failure exit code', async () => {
    const failed = await simulateParallelRun({
      dataset: tabular(rows(50)),
      config: config({ error_threshold: 0, run_max_try: 1 }),
      entryScript: mixed,
    });
    const text = failed.logs['logs/job_result.txt'] ?? '';
    expect(text).toMatch(/^Status: Failed\nReason: error_threshold exceeded/);
    expect(text).toMatch(/Leader exit code: 42/);
    expect(failed.logs['logs/job_progress_overview.txt']).toMatch(/Job result: Failed/);
  });
});
