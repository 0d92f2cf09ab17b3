// Writes a LogisticModel as an ONNX file with protobufjs. Only scripts and tests
// import this file (it is deliberately not in engine/onnx/index.ts), so the
// browser bundle never carries protobufjs.
import protobuf from 'protobufjs';
import type { LogisticModel } from './logistic-model';
import { ONNX_FLOAT, ONNX_PROTO_SCHEMA } from './onnx-proto-schema';

export interface OnnxExportOptions {
  /** onnxruntime-web 1.30 accepts IR ≤ 13 and opset ≤ 26. */
  irVersion?: number;
  opset?: number;
  metadata?: Record<string, string>;
}

export const ONNX_INPUT_NAME = 'features';
export const ONNX_SCORE_OUTPUT = 'score';

const root = protobuf.parse(ONNX_PROTO_SCHEMA, { keepCase: true }).root;
const ModelProto = root.lookupType('onnx.ModelProto');

/** Little-endian float32 bytes, whatever the host byte order. */
function floatBytes(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

function floatTensor(name: string, dims: number[], values: readonly number[]) {
  return { name, dims, data_type: ONNX_FLOAT, raw_data: floatBytes(values) };
}

function tensorInfo(name: string, elemType: number, dims: (number | string)[]) {
  const dim = dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d }));
  return { name, type: { tensor_type: { elem_type: elemType, shape: { dim } } } };
}

function node(opType: string, input: string[], output: string[]) {
  return { op_type: opType, name: `${opType.toLowerCase()}_${output[0]}`, input, output };
}

/**
 * Standardisation folded into the linear layer: w·((x − mean)/std) + b equals
 * (w/std)·x + (b − Σ w·mean/std). The model then takes raw feature values and
 * skips two full passes over the [N, F] input, which roughly halves scoring time.
 */
export function foldStandardisation(model: LogisticModel): { weights: number[]; bias: number } {
  const weights = model.weights.map((w, c) => w / model.std[c]!);
  const bias = model.weights.reduce((b, w, c) => b - (w * model.mean[c]!) / model.std[c]!, model.bias);
  return { weights, bias };
}

/**
 * Graph: features[N,F] → MatMul(W) → Add(b) → Sigmoid → score[N,1]. The
 * decision threshold and feature order travel in metadata_props, so the file
 * alone is enough to score and label rows (see readOnnxMetadata).
 */
export function exportLogisticRegressionOnnx(model: LogisticModel, options: OnnxExportOptions = {}): Uint8Array {
  const f = model.featureNames.length;
  const folded = foldStandardisation(model);
  const graph = {
    name: 'credit_risk_logistic_regression',
    node: [
      node('MatMul', [ONNX_INPUT_NAME, 'weights'], ['linear']),
      node('Add', ['linear', 'bias'], ['logit']),
      node('Sigmoid', ['logit'], [ONNX_SCORE_OUTPUT]),
    ],
    initializer: [floatTensor('weights', [f, 1], folded.weights), floatTensor('bias', [1], [folded.bias])],
    input: [tensorInfo(ONNX_INPUT_NAME, ONNX_FLOAT, ['N', f])],
    output: [tensorInfo(ONNX_SCORE_OUTPUT, ONNX_FLOAT, ['N', 1])],
    doc_string: `inputs in order: ${model.featureNames.join(', ')}`,
  };
  const metadata = { threshold: String(model.threshold), features: model.featureNames.join(','), ...options.metadata };
  const message = ModelProto.fromObject({
    ir_version: options.irVersion ?? 8,
    producer_name: 'batch-inference-lab',
    producer_version: '1',
    model_version: 1,
    graph,
    opset_import: [{ domain: '', version: options.opset ?? 17 }],
    metadata_props: Object.entries(metadata).map(([key, value]) => ({ key, value })),
  });
  return ModelProto.encode(message).finish();
}

/** Decodes an ONNX file back to a plain object (for tests and inspection). */
export function decodeOnnxModel(bytes: Uint8Array): Record<string, unknown> {
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, bytes: Array, defaults: false }) as Record<string, unknown>;
}
