import { describe, expect, it } from 'vitest';
import { compareBatchVsRealtime, DEFAULT_VOLUME_SWEEP, estimateBatchJob, estimateRealtimeEndpoint, sweepVolumes, validateCompareOptions } from '@/engine/index';

describe('sweepVolumes', () => {
  it('adds the learner volume to the sweep, sorted and without duplicates', () => {
    expect(sweepVolumes({ rows: 5000, volumes: [10_000, 1000, 10_000] })).toEqual([1000, 5000, 10_000]);
    expect(sweepVolumes({ rows: 1000 })).toEqual([...DEFAULT_VOLUME_SWEEP]);
  });
});

describe('compareBatchVsRealtime', () => {
  it('scores each volume with the batch simulator and the endpoint model', async () => {
    const c = await compareBatchVsRealtime({ rows: 250_000, volumes: [1000, 1_000_000], nodeCount: 2, runsPerDay: 4 });
    expect(c.points.map((p) => p.rowsPerDay)).toEqual([1000, 250_000, 1_000_000]);
    expect(c.current.rowsPerDay).toBe(250_000);
    const batch = await estimateBatchJob({ rows: 62_500, nodeCount: 2 });
    expect(c.current.batch).toMatchObject({ ...batch, runsPerDay: 4 });
    expect(c.current.batch.costPerDayUsd).toBeCloseTo(4 * batch.costUsd, 12);
    expect(c.current.batch.worstCaseWaitSeconds).toBeCloseTo(6 * 3600 + batch.durationSeconds, 9);
    expect(c.current.realtime).toEqual(estimateRealtimeEndpoint({ rowsPerDay: 250_000, rowsPerRequest: 1 }));
  });

  it('shows the nightly batch job cheaper than an always-on endpoint at every default volume', async () => {
    const c = await compareBatchVsRealtime({ rows: 1_000_000 });
    for (const p of c.points) {
      expect(p.cheaper).toBe('batch');
      expect(p.batch.costPerDayUsd).toBeLessThan(p.realtime.costPerDayUsd);
    }
    expect(c.costCrossovers).toEqual([]);
  });

  it('lets the endpoint clear a small backlog sooner, and the scaled-out job a big one', async () => {
    const c = await compareBatchVsRealtime({ rows: 1000, volumes: [1000, 30_000_000], nodeCount: 4 });
    expect(c.points[0]!.fasterForVolume).toBe('realtime');
    expect(c.points[1]!.fasterForVolume).toBe('batch');
  });

  it('finds the crossover when frequent cold-start runs make batch dearer at low volume', async () => {
    // A heavy model (50 ms a row) and 96 runs a day on 10 nodes.
    const c = await compareBatchVsRealtime({ rows: 1000, nodeCount: 10, runsPerDay: 96, model: { itemSeconds: 0.05 } });
    expect(c.points[0]!.cheaper).toBe('realtime');
    expect(c.points.at(-1)!.cheaper).toBe('batch');
    expect(c.costCrossovers).toHaveLength(1);
    const [cross] = c.costCrossovers;
    const below = c.points.find((p) => p.rowsPerDay === cross!.fromRows)!;
    const above = c.points.find((p) => p.rowsPerDay === cross!.toRows)!;
    expect(cross!.cheaperAbove).toBe('batch');
    expect(below.batch.costPerDayUsd).toBeGreaterThan(below.realtime.costPerDayUsd);
    expect(above.batch.costPerDayUsd).toBeLessThan(above.realtime.costPerDayUsd);
  });

  it('is deterministic and awaits pause between points only', async () => {
    let pauses = 0;
    const options = { rows: 20_000, volumes: [1000, 100_000], pause: async () => void pauses++ };
    const first = await compareBatchVsRealtime(options);
    expect(pauses).toBe(2);
    expect(await compareBatchVsRealtime(options)).toEqual(first);
  });

  it('rejects invalid options, listing each field', async () => {
    const fields = validateCompareOptions({ rows: 0, nodeCount: 0, runsPerDay: 5000, rowsPerRequest: 0, vmSize: 'big' }).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['rows_per_day', 'rows_per_request', 'vm_size', 'node_count', 'runs_per_day']));
    await expect(compareBatchVsRealtime({ rows: 10, volumes: [] })).rejects.toThrow(/volumes/);
  });
});
