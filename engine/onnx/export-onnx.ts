// Writes a LogisticModel as an ONNX file with protobufjs. Only scripts and tests
// import this file (it is deliberately not in engine/onnx/index.ts), so the
// browser bundle never carries protobufjs.
import protobuf from 'protobufjs';
import type { LogisticModel } from './logistic-model';
import { ONNX_ATTR_INT, ONNX_FLOAT, ONNX_INT32, ONNX_PROTO_SCHEMA } from './onnx-proto-schema';

export interface OnnxExportOptions {
  /** onnxruntime-web 1.30 accepts IR ≤ 13 and opset ≤ 26. */
  irVersion?: number;
  opset?: number;
  metadata?: Record<string, string>;
}

export const ONNX_INPUT_NAME = 'features';
export const ONNX_SCORE_OUTPUT = 'score';
export const ONNX_LABEL_OUTPUT = 'label';

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

function node(opType: string, input: string[], output: string[], attribute: object[] = []) {
  return { op_type: opType, name: `${opType.toLowerCase()}_${output[0]}`, input, output, attribute };
}

/**
 * Graph: features[N,F] → Sub(mean) → Div(std) → MatMul(W) → Add(b) → Sigmoid → score[N,1],
 * and score ≥ threshold → Cast(int32) → label[N,1]. Standardisation stays explicit
 * in the graph so the model takes raw feature values, exactly as training saw them.
 */
export function exportLogisticRegressionOnnx(model: LogisticModel, options: OnnxExportOptions = {}): Uint8Array {
  const f = model.featureNames.length;
  const graph = {
    name: 'credit_risk_logistic_regression',
    node: [
      node('Sub', [ONNX_INPUT_NAME, 'mean'], ['centered']),
      node('Div', ['centered', 'std'], ['standardized']),
      node('MatMul', ['standardized', 'weights'], ['linear']),
      node('Add', ['linear', 'bias'], ['logit']),
      node('Sigmoid', ['logit'], [ONNX_SCORE_OUTPUT]),
      node('GreaterOrEqual', [ONNX_SCORE_OUTPUT, 'threshold'], ['is_positive']),
      node('Cast', ['is_positive'], [ONNX_LABEL_OUTPUT], [{ name: 'to', type: ONNX_ATTR_INT, i: ONNX_INT32 }]),
    ],
    initializer: [
      floatTensor('mean', [f], model.mean),
      floatTensor('std', [f], model.std),
      floatTensor('weights', [f, 1], model.weights),
      floatTensor('bias', [1], [model.bias]),
      floatTensor('threshold', [1], [model.threshold]),
    ],
    input: [tensorInfo(ONNX_INPUT_NAME, ONNX_FLOAT, ['N', f])],
    output: [tensorInfo(ONNX_SCORE_OUTPUT, ONNX_FLOAT, ['N', 1]), tensorInfo(ONNX_LABEL_OUTPUT, ONNX_INT32, ['N', 1])],
    doc_string: `inputs in order: ${model.featureNames.join(', ')}`,
  };
  const message = ModelProto.fromObject({
    ir_version: options.irVersion ?? 8,
    producer_name: 'batch-inference-lab',
    producer_version: '1',
    model_version: 1,
    graph,
    opset_import: [{ domain: '', version: options.opset ?? 17 }],
    metadata_props: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
  });
  return ModelProto.encode(message).finish();
}

/** Decodes an ONNX file back to a plain object (for tests and inspection). */
export function decodeOnnxModel(bytes: Uint8Array): Record<string, unknown> {
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, bytes: Array, defaults: false }) as Record<string, unknown>;
}
