import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../engine/random';
import { auc, scoreLogisticReference, standardisation, trainLogisticRegression } from '../../../engine/onnx/index';

/** Two features with known true weights on the standardised scale. */
function synthetic(n: number, seed: number) {
  const rng = createRandom(seed);
  const x = new Float32Array(n * 2);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = 50 + 10 * rng.normal();
    const b = 3 * rng.normal();
    x[i * 2] = a;
    x[i * 2 + 1] = b;
    const logit = 1.5 * ((a - 50) / 10) - 0.8 * (b / 3) - 0.5;
    y.push(rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
  }
  return { x, y };
}

describe('trainLogisticRegression', () => {
  const { x, y } = synthetic(6000, 3);
  const model = trainLogisticRegression(x, y, ['a', 'b']);

  it('recovers the generating weights', () => {
    expect(model.weights[0]).toBeCloseTo(1.5, 0);
    expect(model.weights[1]).toBeCloseTo(-0.8, 0);
    expect(model.bias).toBeCloseTo(-0.5, 0);
    expect(Math.abs(model.weights[0]! - 1.5)).toBeLessThan(0.15);
    expect(Math.abs(model.weights[1]! + 0.8)).toBeLessThan(0.15);
  });

  it('reaches a stationary point of the penalised likelihood', () => {
    const p = scoreLogisticReference(model, x);
    const grad = [0, 0, 0];
    p.forEach((pi, i) => {
      const r = [(x[i * 2]! - model.mean[0]!) / model.std[0]!, (x[i * 2 + 1]! - model.mean[1]!) / model.std[1]!, 1];
      r.forEach((v, k) => (grad[k]! += (pi - y[i]!) * v));
    });
    grad[0]! += 1e-3 * model.weights[0]!;
    grad[1]! += 1e-3 * model.weights[1]!;
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-3);
  });

  it('is bit-for-bit deterministic', () => {
    expect(trainLogisticRegression(x, y, ['a', 'b'])).toEqual(model);
  });

  it('ranks well on fresh data from the same process', () => {
    const fresh = synthetic(3000, 4);
    expect(auc(scoreLogisticReference(model, fresh.x), fresh.y)).toBeGreaterThan(0.75);
  });
});

describe('standardisation', () => {
  it('gives column means and population deviations, 1 for constant columns', () => {
    const { mean, std } = standardisation(new Float32Array([1, 5, 5, 5]), 2);
    expect(mean).toEqual([3, 5]);
    expect(std).toEqual([2, 1]);
  });
});
