// A trained logistic regression in plain data form: what training produces,
// what the ONNX exporter consumes and what the JS reference scorer evaluates.

export interface LogisticModel {
  featureNames: string[];
  /** Standardisation applied before the linear layer: (x - mean) / std. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Scores at or above this are labelled 1. */
  threshold: number;
}

/**
 * Plain JS scorer with the same float32 parameters the ONNX graph holds, so the
 * two can be compared to within float rounding. `rows` is row-major [n, F].
 */
export function scoreLogisticReference(model: LogisticModel, rows: Float32Array): Float64Array {
  const f = model.featureNames.length;
  const n = Math.floor(rows.length / f);
  const mean = model.mean.map(Math.fround);
  const std = model.std.map(Math.fround);
  const w = model.weights.map(Math.fround);
  const b = Math.fround(model.bias);
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let z = b;
    for (let c = 0; c < f; c++) {
      z += (((rows[r * f + c] ?? NaN) - mean[c]!) / std[c]!) * w[c]!;
    }
    out[r] = 1 / (1 + Math.exp(-z));
  }
  return out;
}
