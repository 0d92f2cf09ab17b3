// Deterministic logistic regression: standardise, then Newton's method (IRLS)
// with a small L2 penalty. No random initialisation and a fixed operation
// order, so the same data always gives bit-identical weights.
import type { LogisticModel } from './logistic-model';

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  maxIterations?: number;
  /** Stop once no parameter moves more than this in one step. */
  tolerance?: number;
}

/** Column means and population standard deviations (1 where a column is constant). */
export function standardisation(x: Float32Array, f: number): { mean: number[]; std: number[] } {
  const n = x.length / f;
  const mean = new Array<number>(f).fill(0);
  const std = new Array<number>(f).fill(0);
  for (let r = 0; r < n; r++) for (let c = 0; c < f; c++) mean[c]! += x[r * f + c]! / n;
  for (let r = 0; r < n; r++) for (let c = 0; c < f; c++) std[c]! += (x[r * f + c]! - mean[c]!) ** 2 / n;
  return { mean, std: std.map((v) => (v > 0 ? Math.sqrt(v) : 1)) };
}

/** x is row-major [n, featureNames.length] with no NaN; y holds 0/1. */
export function trainLogisticRegression(
  x: Float32Array,
  y: ArrayLike<number>,
  featureNames: readonly string[],
  options: TrainOptions = {},
): LogisticModel {
  const f = featureNames.length;
  const n = y.length;
  const l2 = options.l2 ?? 1e-3;
  const { mean, std } = standardisation(x, f);
  const z = new Float64Array(n * f);
  for (let r = 0; r < n; r++) for (let c = 0; c < f; c++) z[r * f + c] = (x[r * f + c]! - mean[c]!) / std[c]!;
  // theta[0..f-1] are the weights, theta[f] the bias.
  const theta = new Array<number>(f + 1).fill(0);
  for (let iter = 0; iter < (options.maxIterations ?? 50); iter++) {
    const step = solve(...newtonSystem(z, y, theta, l2));
    for (let k = 0; k <= f; k++) theta[k]! -= step[k]!;
    if (Math.max(...step.map(Math.abs)) < (options.tolerance ?? 1e-10)) break;
  }
  return { featureNames: [...featureNames], mean, std, weights: theta.slice(0, f), bias: theta[f]!, threshold: 0.5 };
}

/** Hessian and gradient of the penalised negative log-likelihood at theta. */
function newtonSystem(z: Float64Array, y: ArrayLike<number>, theta: number[], l2: number): [number[][], number[]] {
  const f = theta.length - 1;
  const hess = Array.from({ length: f + 1 }, () => new Array<number>(f + 1).fill(0));
  const grad = new Array<number>(f + 1).fill(0);
  const row = new Array<number>(f + 1).fill(1);
  for (let r = 0; r < y.length; r++) {
    let logit = theta[f]!;
    for (let c = 0; c < f; c++) {
      row[c] = z[r * f + c]!;
      logit += row[c]! * theta[c]!;
    }
    const p = 1 / (1 + Math.exp(-logit));
    const w = p * (1 - p);
    for (let a = 0; a <= f; a++) {
      grad[a]! += (p - y[r]!) * row[a]!;
      for (let b = 0; b <= a; b++) hess[a]![b]! += w * row[a]! * row[b]!;
    }
  }
  for (let a = 0; a <= f; a++) {
    for (let b = 0; b < a; b++) hess[b]![a] = hess[a]![b]!;
    if (a < f) {
      hess[a]![a]! += l2;
      grad[a]! += l2 * theta[a]!;
    }
  }
  return [hess, grad];
}

/** Gaussian elimination with partial pivoting; small dense systems only. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const m = matrix.map((row, i) => [...row, rhs[i]!]);
  const size = rhs.length;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < size; r++) {
      const factor = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= size; k++) m[r]![k]! -= factor * m[col]![k]!;
    }
  }
  const out = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    let acc = m[r]![size]!;
    for (let k = r + 1; k < size; k++) acc -= m[r]![k]! * out[k]!;
    out[r] = acc / m[r]![r]!;
  }
  return out;
}
