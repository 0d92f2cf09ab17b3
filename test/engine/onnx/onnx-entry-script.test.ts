import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataItem, InitContext, RunContext } from '../../../engine/types';
import {
  columnarRefOf,
  CREDIT_RISK_FEATURE_NAMES,
  CREDIT_RISK_FEATURES,
  generateCreditRiskDataset,
  isValidFeatureRow,
  readFeatureRow,
} from '../../../engine/dataset/index';
import { createOnnxEntryScript, type CreditRiskModelMetadata, type LogisticModel, type ScoredRow } from '../../../engine/onnx/index';
import { scoreLogisticReference } from '../../../engine/onnx/logistic-model';
import { exportLogisticRegressionOnnx } from '../../../engine/onnx/export-onnx';

const root = join(import.meta.dirname, '../../..');
const modelBytes = readFileSync(join(root, 'public/models/credit-risk.onnx'));
const meta = JSON.parse(readFileSync(join(root, 'public/models/credit-risk.json'), 'utf8')) as CreditRiskModelMetadata;
const model: LogisticModel = {
  featureNames: meta.features,
  mean: meta.standardization.mean,
  std: meta.standardization.std,
  weights: meta.weights,
  bias: meta.bias,
  threshold: meta.threshold,
};

/** What the simulator passes: position, machine facts, spend() and log(). */
function contexts(logs: string[] = [], gpu = false): { init: InitContext; run: RunContext } {
  const machine = { vmSize: gpu ? 'Standard_NC6s_v3' : 'Standard_DS3_v2', gpu, cores: 4, memoryGiB: 14 };
  const init = { ...machine, node: 0, process: 0, spend: () => {}, log: (m: string) => void logs.push(m) };
  const run = { ...init, attempt: 1, miniBatchId: 0 };
  return { init, run };
}

/** An engine that predates the gpu flag: the script must treat a missing flag as "no GPU". */
function contextWithoutGpuFlag(): InitContext {
  const ctx: Partial<InitContext> = { ...contexts().init };
  delete ctx.gpu;
  return ctx as InitContext;
}

/** A Buffer, as Node's readFileSync returns it: the script must cope. */
const factory = createOnnxEntryScript(modelBytes);

async function started(logs: string[] = []) {
  const script = factory();
  const ctx = contexts(logs);
  await script.init!(ctx.init);
  return { run: (items: DataItem[]) => script.run(items, ctx.run) as Promise<ScoredRow[]> };
}

const isValid = (item: DataItem): boolean => {
  const row = new Float32Array(10);
  readFeatureRow(item, CREDIT_RISK_FEATURE_NAMES, row, 0);
  return isValidFeatureRow(row, 0, CREDIT_RISK_FEATURES);
};

describe('createOnnxEntryScript', () => {
  const dataset = generateCreditRiskDataset(3000, 77, { corruptShare: 0.05 });

  it('returns {id, score, label} for valid rows only, in input order', async () => {
    const logs: string[] = [];
    const script = await started(logs);
    const items = dataset.items.slice(0, 1000);
    const out = await script.run(items);
    const valid = items.filter(isValid);
    expect(valid.length).toBeLessThan(items.length);
    expect(out.map((r) => r.id)).toEqual(valid.map((i) => i.id));
    expect(Object.keys(out[0]!).sort()).toEqual(['id', 'label', 'score']);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(new RegExp(`^skipped ${items.length - valid.length} of 1000 rows`));
  });

  it('scores like the JS reference and labels at the model threshold', async () => {
    const script = await started();
    const items = dataset.items.slice(1000, 1600).filter(isValid);
    const out = await script.run(items);
    const x = new Float32Array(items.length * 10);
    items.forEach((item, i) => readFeatureRow(item, CREDIT_RISK_FEATURE_NAMES, x, i * 10));
    const reference = scoreLogisticReference(model, x);
    out.forEach((row, i) => {
      expect(Math.abs(row.score - reference[i]!)).toBeLessThan(1e-5);
      if (Math.abs(reference[i]! - meta.threshold) > 1e-5) expect(row.label).toBe(reference[i]! >= meta.threshold ? 1 : 0);
    });
    expect(new Set(out.map((r) => r.label))).toEqual(new Set([0, 1]));
  });

  it('gives the same results from the shared matrix and from copied items', async () => {
    const script = await started();
    const items = dataset.items.slice(200, 700);
    expect(columnarRefOf(items[0]!)).toBeDefined();
    const copies = items.map((i) => ({ ...i }));
    expect(columnarRefOf(copies[0]!)).toBeUndefined();
    const shuffled = [...items.slice(250), ...items.slice(0, 250)];
    const viaMatrix = await script.run(items);
    expect(await script.run(copies)).toEqual(viaMatrix);
    const reordered = await script.run(shuffled);
    expect([...reordered].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...viaMatrix].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('scores hand-made records whose numbers are strings', async () => {
    const script = await started();
    const record = { ...(dataset.items.find(isValid)!.value as Record<string, number>) };
    const asText = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
    const [a] = await script.run([{ id: 'n', bytes: 1, value: record }]);
    const [b] = await script.run([{ id: 'n', bytes: 1, value: asText }]);
    expect(b).toEqual(a);
    expect(await script.run([{ id: 'bad', bytes: 1, value: { ...record, age: 'N/A' } }])).toEqual([]);
    expect(await script.run([{ id: 'absurd', bytes: 1, value: { ...record, age: -999 } }])).toEqual([]);
    expect(await script.run([])).toEqual([]);
  });

  it('fails init on a CPU target when the model requires a GPU, and works on a GPU target', async () => {
    const gpuFactory = createOnnxEntryScript(modelBytes, { requiresGpu: true });
    await expect(gpuFactory().init!(contexts([], false).init)).rejects.toThrow(/GPU/);
    await expect(gpuFactory().init!(contextWithoutGpuFlag())).rejects.toThrow(/GPU/);
    await expect(gpuFactory().init!(contexts([], true).init)).resolves.toBeUndefined();
  });

  it('takes feature order and threshold from the model file, unless overridden', async () => {
    const tiny: LogisticModel = { featureNames: ['b', 'a'], mean: [0, 0], std: [1, 1], weights: [1, 0], bias: 0, threshold: 0.6 };
    const bytes = exportLogisticRegressionOnnx(tiny);
    // Scores are sigmoid(b): 0.5, about 0.73, and NaN for the unusable row.
    const items: DataItem[] = [
      { id: 'x', bytes: 1, value: { a: -5, b: 0 } },
      { id: 'y', bytes: 1, value: { a: 123, b: 1 } },
      { id: 'z', bytes: 1, value: { a: 1, b: 'oops' } },
    ];
    const ctx = contexts();
    const fromModel = createOnnxEntryScript(bytes)();
    await fromModel.init!(ctx.init);
    const out = (await fromModel.run(items, ctx.run)) as ScoredRow[];
    expect(out.map((r) => [r.id, r.label])).toEqual([['x', 0], ['y', 1]]);
    expect(out[0]!.score).toBe(0.5);
    expect(out[1]!.score).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    const overridden = createOnnxEntryScript(bytes, { threshold: 0.4 })();
    await overridden.init!(ctx.init);
    expect(((await overridden.run(items, ctx.run)) as ScoredRow[]).map((r) => r.label)).toEqual([1, 1]);
  });

  it('refuses to run before init', async () => {
    await expect(Promise.resolve().then(() => factory().run([], contexts().run))).rejects.toThrow(/before init/);
  });

  it('uses an injected onnxruntime module', async () => {
    const real = await import('onnxruntime-web');
    let created = 0;
    const spy = {
      ...real,
      InferenceSession: {
        create: (...args: Parameters<typeof real.InferenceSession.create>) => {
          created++;
          return real.InferenceSession.create(...args);
        },
      },
    } as unknown as typeof real;
    const script = createOnnxEntryScript(modelBytes, { ort: async () => spy })();
    const ctx = contexts();
    await script.init!(ctx.init);
    expect(created).toBe(1);
    expect(await script.run(dataset.items.slice(0, 5).filter(isValid), ctx.run)).toHaveLength(dataset.items.slice(0, 5).filter(isValid).length);
  });
});
