// The ONNX entry script inside the simulator: corrupted rows must surface as
// real failed items, and a GPU-only model must fail init on CPU nodes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputOf } from '../parallel-run/helpers';
import {
  createOnnxEntryScript,
  CREDIT_RISK_FEATURES,
  generateCreditRiskDataset,
  isValidFeatureRow,
  readFeatureRow,
  simulateParallelRun,
  CREDIT_RISK_FEATURE_NAMES,
  VM_SIZES,
} from '../../../engine/index';

const modelBytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../public/models/credit-risk.onnx')));

describe('ONNX entry script in simulateParallelRun', () => {
  const dataset = generateCreditRiskDataset(4000, 123, { corruptShare: 0.03 });
  const row = new Float32Array(10);
  const corrupted = dataset.items.filter((item) => {
    readFeatureRow(item, CREDIT_RISK_FEATURE_NAMES, row, 0);
    return !isValidFeatureRow(row, 0, CREDIT_RISK_FEATURES);
  });

  it('turns corrupted rows into failed items and writes one JSON line per scored row', async () => {
    const result = await simulateParallelRun({
      dataset,
      config: { output_action: 'append_row', error_threshold: -1, node_count: 2, mini_batch_size: '16KB' },
      entryScript: createOnnxEntryScript(modelBytes),
      seed: 5,
    });
    expect(corrupted.length).toBeGreaterThan(50);
    expect(result.status).toBe('Completed');
    expect(result.counts.itemsFailed).toBe(corrupted.length);
    expect(result.counts.itemsSucceeded).toBe(dataset.items.length - corrupted.length);
    const lines = outputOf(result)!.lines.map((l) => JSON.parse(l) as { id: string; score: number; label: number });
    expect(lines).toHaveLength(result.counts.itemsSucceeded);
    const bad = new Set(corrupted.map((i) => i.id));
    expect(lines.some((l) => bad.has(l.id))).toBe(false);
    expect(lines.every((l) => l.score >= 0 && l.score <= 1 && (l.label === 0 || l.label === 1))).toBe(true);
  });

  it('aborts on error_threshold once the corrupted rows exceed it', async () => {
    const result = await simulateParallelRun({
      dataset,
      config: { output_action: 'summary_only', error_threshold: 10, node_count: 1, mini_batch_size: '16KB' },
      entryScript: createOnnxEntryScript(modelBytes),
      seed: 5,
    });
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toMatch(/error_threshold/);
  });

  it('fails the job when a GPU-only model lands on CPU nodes', async () => {
    const result = await simulateParallelRun({
      dataset: { kind: 'tabular', items: dataset.items.slice(0, 200) },
      config: { output_action: 'summary_only', error_threshold: -1, node_count: 1 },
      entryScript: createOnnxEntryScript(modelBytes, { requiresGpu: true }),
      seed: 5,
    });
    expect(result.status).toBe('Failed');
    expect(result.counts.itemsSucceeded).toBe(0);
    const gpuSize = Object.entries(VM_SIZES).find(([, size]) => size.gpu)![0];
    const onGpu = await simulateParallelRun({
      dataset: { kind: 'tabular', items: dataset.items.slice(0, 200) },
      config: { output_action: 'summary_only', error_threshold: -1, node_count: 1 },
      entryScript: createOnnxEntryScript(modelBytes, { requiresGpu: true }),
      compute: { vmSize: gpuSize },
      seed: 5,
    });
    expect(onGpu.status).toBe('Completed');
  });
});
