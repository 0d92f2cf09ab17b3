// Checks the committed model file itself, loaded by onnxruntime-web in Node.
// The graph folds standardisation into its weights while the JS reference
// standardises explicitly, so agreement also checks the folding.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDIT_RISK_FEATURE_NAMES, parseCsvDataset } from '../../../engine/dataset/index';
import {
  auc,
  loadOrt,
  readOnnxMetadata,
  scoreLogisticReference,
  trainCreditRiskModel,
  type CreditRiskModelMetadata,
} from '../../../engine/onnx/index';
import { decodeOnnxModel, exportLogisticRegressionOnnx } from '../../../engine/onnx/export-onnx';

const root = join(import.meta.dirname, '../../..');
const onnxBytes = new Uint8Array(readFileSync(join(root, 'public/models/credit-risk.onnx')));
const metadata = JSON.parse(readFileSync(join(root, 'public/models/credit-risk.json'), 'utf8')) as CreditRiskModelMetadata;
const dataset = parseCsvDataset(readFileSync(join(root, 'public/data/credit-risk.csv'), 'utf8'));
const training = trainCreditRiskModel(dataset, metadata.trainingSeed);

describe('committed credit-risk model', () => {
  it('declares an IR version and opset that onnxruntime-web 1.30 accepts', () => {
    const model = decodeOnnxModel(onnxBytes) as { ir_version: number; opset_import: { version: number }[] };
    expect(model.ir_version).toBeLessThanOrEqual(13);
    expect(model.opset_import.every((o) => o.version <= 26)).toBe(true);
    expect(model.ir_version).toBe(metadata.irVersion);
  });

  it('carries its threshold and feature order in metadata_props, readable without protobufjs', () => {
    const decoded = decodeOnnxModel(onnxBytes) as { metadata_props: { key: string; value: string }[] };
    const viaProtobufjs = Object.fromEntries(decoded.metadata_props.map((p) => [p.key, p.value]));
    expect(readOnnxMetadata(onnxBytes)).toEqual(viaProtobufjs);
    expect(Number(viaProtobufjs.threshold)).toBe(metadata.threshold);
    expect(viaProtobufjs.features).toBe(CREDIT_RISK_FEATURE_NAMES.join(','));
  });

  it('is exactly what training on the committed CSV exports (the build is reproducible)', () => {
    const rebuilt = exportLogisticRegressionOnnx(training.model, { irVersion: metadata.irVersion, opset: metadata.opset });
    expect(Buffer.from(rebuilt).equals(Buffer.from(onnxBytes))).toBe(true);
    expect(metadata.features).toEqual(CREDIT_RISK_FEATURE_NAMES);
    expect(metadata.threshold).toBe(training.model.threshold);
    expect(metadata.requires_gpu).toBe(false);
  });

  it('keeps held-out rows out of training', () => {
    const trainIds = new Set(training.train.ids);
    expect(training.heldOut.ids.some((id) => trainIds.has(id))).toBe(false);
    expect(training.heldOut.ids.length).toBe(metadata.heldOutRows);
  });

  it('reaches AUC ≥ 0.75 on held-out rows and matches the JS reference within 1e-5', async () => {
    const ort = await loadOrt();
    const session = await ort.InferenceSession.create(onnxBytes);
    expect(session.inputNames).toEqual(['features']);
    expect(session.outputNames).toEqual(['score']);
    const { x, y } = training.heldOut;
    const out = await session.run({ features: new ort.Tensor('float32', x, [y.length, CREDIT_RISK_FEATURE_NAMES.length]) });
    const scores = out.score!.data as Float32Array;
    const reference = scoreLogisticReference(training.model, x);
    for (let i = 0; i < y.length; i++) {
      expect(Math.abs(scores[i]! - reference[i]!)).toBeLessThan(1e-5);
    }
    const heldOutAuc = auc(scores, y);
    expect(heldOutAuc).toBeGreaterThanOrEqual(0.75);
    expect(heldOutAuc).toBeCloseTo(metadata.auc, 4);
  });
});

describe('readOnnxMetadata', () => {
  it('reads metadata_props of any exported model, including non-ASCII values, and ignores the rest', () => {
    const bytes = exportLogisticRegressionOnnx(
      { featureNames: ['a', 'b'], mean: [0, 1], std: [1, 2], weights: [0.5, -0.25], bias: 0.1, threshold: 0.37 },
      { metadata: { note: 'Zoë ✓', empty: '' } },
    );
    expect(readOnnxMetadata(bytes)).toEqual({ threshold: '0.37', features: 'a,b', note: 'Zoë ✓', empty: '' });
  });

  it('rejects a truncated file', () => {
    expect(() => readOnnxMetadata(onnxBytes.subarray(0, onnxBytes.length - 3))).toThrow();
  });
});
