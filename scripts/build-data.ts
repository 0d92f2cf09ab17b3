// `npm run data:build`: regenerates the synthetic datasets, trains the
// credit-risk model, exports it to ONNX and checks the exported file with
// onnxruntime-web itself. Every step is seeded, so each run writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  creditRiskRowsToCsv,
  generateCreditRiskRows,
  generateSensorFiles,
  parseCsvDataset,
} from '../engine/dataset/index';
import {
  auc,
  confusionMatrix,
  loadOrt,
  scoreLogisticReference,
  trainCreditRiskModel,
  type CreditRiskModelMetadata,
} from '../engine/onnx/index';
import { exportLogisticRegressionOnnx, ONNX_INPUT_NAME, ONNX_SCORE_OUTPUT } from '../engine/onnx/export-onnx';

const DATA_SEED = 9501;
const SENSOR_SEED = 9502;
const SPLIT_SEED = 9503;
const ROWS = 12_000;
const SENSOR_FILES = 300;
const IR_VERSION = 8;
const OPSET = 17;

const root = join(import.meta.dirname, '..');
const dataDir = join(root, 'public', 'data');
const modelDir = join(root, 'public', 'models');

function write(path: string, content: string | Uint8Array): void {
  writeFileSync(path, content);
  console.log(`wrote ${path.slice(root.length + 1)} (${(Buffer.byteLength(content) / 1024).toFixed(1)} KB)`);
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(modelDir, { recursive: true });

  const csv = creditRiskRowsToCsv(generateCreditRiskRows(ROWS, DATA_SEED));
  write(join(dataDir, 'credit-risk.csv'), csv);
  write(join(dataDir, 'sensor-files.json'), JSON.stringify(generateSensorFiles(SENSOR_FILES, SENSOR_SEED)) + '\n');

  // Train from the CSV as written, so the model sees exactly what the app will load.
  const { model, train, heldOut } = trainCreditRiskModel(parseCsvDataset(csv), SPLIT_SEED);
  const onnx = exportLogisticRegressionOnnx(model, { irVersion: IR_VERSION, opset: OPSET });
  write(join(modelDir, 'credit-risk.onnx'), onnx);

  // Evaluate the exported file, not the in-memory weights.
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(onnx);
  const f = model.featureNames.length;
  const out = await session.run({ [ONNX_INPUT_NAME]: new ort.Tensor('float32', heldOut.x, [heldOut.y.length, f]) });
  const scores = out[ONNX_SCORE_OUTPUT]!.data as Float32Array;
  const reference = scoreLogisticReference(model, heldOut.x);
  const maxDiff = scores.reduce((m, s, i) => Math.max(m, Math.abs(s - reference[i]!)), 0);
  if (maxDiff > 1e-5) throw new Error(`ONNX scores differ from the JS reference by ${maxDiff}`);
  const heldOutAuc = auc(scores, heldOut.y);
  const cm = confusionMatrix(scores, heldOut.y, model.threshold);

  const metadata: CreditRiskModelMetadata = {
    name: 'credit-risk logistic regression',
    features: model.featureNames,
    input: ONNX_INPUT_NAME,
    outputs: [ONNX_SCORE_OUTPUT],
    threshold: model.threshold,
    auc: Number(heldOutAuc.toFixed(4)),
    heldOutRows: heldOut.y.length,
    trainingRows: train.y.length,
    trainingSeed: SPLIT_SEED,
    dataSeed: DATA_SEED,
    irVersion: IR_VERSION,
    opset: OPSET,
    requires_gpu: false,
    standardization: { mean: model.mean, std: model.std },
    weights: model.weights,
    bias: model.bias,
    heldOutConfusion: {
      truePositives: cm.truePositives,
      falsePositives: cm.falsePositives,
      trueNegatives: cm.trueNegatives,
      falseNegatives: cm.falseNegatives,
    },
  };
  write(join(modelDir, 'credit-risk.json'), JSON.stringify(metadata, null, 2) + '\n');

  console.log(`held-out AUC ${heldOutAuc.toFixed(4)} on ${heldOut.y.length} rows (trained on ${train.y.length})`);
  console.log(`threshold ${model.threshold}: recall ${cm.recall.toFixed(3)}, false positive rate ${cm.falsePositiveRate.toFixed(3)}`);
  console.log(`ONNX vs JS reference: max |diff| ${maxDiff.toExponential(2)}`);
}

await main();
