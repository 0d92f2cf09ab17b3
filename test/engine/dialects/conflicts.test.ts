// DIALECT_CONFLICTS is the one place the simulator's choices are named; the
// defaults the dialects run must be the ones it says were chosen.
import { describe, expect, it } from 'vitest';
import * as engine from '@/engine/index';
import { DIALECT_CONFLICTS, parseDialectConfig, simulateDialectJob } from '@/engine/index';
import { DRIVER_ARGUMENTS } from '@/engine/dialects/program-arguments';
import { echo, rowsOf, tabular } from './helpers';

const conflict = (id: string) => {
  const found = DIALECT_CONFLICTS.find((c) => c.id === id);
  if (!found) throw new Error(`no conflict ${id}`);
  return found;
};

describe('DIALECT_CONFLICTS', () => {
  it('names the three disagreements of the issue, each with two or more sourced values and a choice', () => {
    expect(DIALECT_CONFLICTS.map((c) => c.field)).toEqual(expect.arrayContaining(['mini_batch_size', '--task_overhead_timeout', 'max_concurrency_per_instance']));
    for (const c of DIALECT_CONFLICTS) {
      expect(c.values.length, c.id).toBeGreaterThanOrEqual(2);
      for (const v of c.values) expect(v.source.length, c.id).toBeGreaterThan(0);
      expect(c.chosen.length * c.why.length, c.id).toBeGreaterThan(0);
    }
    expect(new Set(DIALECT_CONFLICTS.map((c) => c.id)).size).toBe(DIALECT_CONFLICTS.length);
  });

  it('v2 mini_batch_size: the run uses the chosen 1 MB for tabular data', async () => {
    expect(conflict('v2-mini-batch-size-default').chosen).toBe('10 files / 1 MB');
    const result = await simulateDialectJob({ dialect: 'v2-parallel', config: {}, dataset: tabular(rowsOf('a.csv', 3)), entryScript: echo });
    expect(result.settings).toMatchObject({ miniBatchSize: 1024 * 1024, miniBatchSizeUnit: 'bytes' });
  });

  it('--task_overhead_timeout: 600', () => {
    expect(conflict('v2-task-overhead-timeout').chosen).toBe('600');
    expect(DRIVER_ARGUMENTS.find((d) => d.name === '--task_overhead_timeout')?.fallback).toBe(600);
  });

  it('max_concurrency_per_instance: cores on a CPU node for a parallel job, 1 for a batch deployment', async () => {
    const dataset = tabular(rowsOf('a.csv', 3));
    const parallel = await simulateDialectJob({ dialect: 'v2-parallel', config: {}, dataset, entryScript: echo, compute: { vmSize: 'Standard_D13_v2' } });
    expect(parallel.settings.processCountPerNode).toBe(8);
    const batch = parseDialectConfig('v2-batch-deployment', {});
    expect(batch.ok && batch.settings.processesPerNode).toBe(1);
  });
});

describe('public face', () => {
  it('exports the dialect API from engine/index.ts', () => {
    for (const name of ['DIALECTS', 'DIALECT_TITLES', 'DIALECT_CONFLICTS', 'parseDialectConfig', 'simulateDialectJob', 'convertConfig', 'dialectFieldName', 'isDialect']) {
      expect(engine, name).toHaveProperty(name);
    }
    expect(engine.DIALECTS).toEqual(['v1', 'v2-parallel', 'v2-batch-deployment']);
  });
});
