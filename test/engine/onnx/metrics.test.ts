import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auc, confusionMatrix, youdenThreshold } from '../../../engine/onnx/index';

/** Direct definition: share of (positive, negative) pairs ordered correctly, ties half. */
function pairwiseAuc(scores: number[], labels: number[]): number {
  let good = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((sn, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      good += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return good / pairs;
}

describe('auc', () => {
  it('equals the pairwise definition, ties included', () => {
    const sample = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 60 })
      .filter((rows) => rows.some((r) => r[1] === 1) && rows.some((r) => r[1] === 0));
    fc.assert(
      fc.property(sample, (rows) => {
        const scores = rows.map((r) => r[0] / 20);
        const labels = rows.map((r) => r[1]);
        expect(auc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
      }),
    );
  });

  it('is 1 for a perfect ranking, 0 for a reversed one and NaN with one class', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it('skips NaN scores', () => {
    expect(auc([0.1, NaN, 0.9], [0, 0, 1])).toBe(1);
  });
});

describe('confusionMatrix', () => {
  it('counts predictions at the threshold, score ≥ threshold meaning positive', () => {
    const cm = confusionMatrix([0.1, 0.5, 0.7, 0.4, NaN], [0, 0, 1, 1, 1], 0.5);
    expect(cm).toMatchObject({ truePositives: 1, falsePositives: 1, trueNegatives: 1, falseNegatives: 1 });
    expect(cm.accuracy).toBe(0.5);
    expect(cm.precision).toBe(0.5);
    expect(cm.recall).toBe(0.5);
    expect(cm.falsePositiveRate).toBe(0.5);
  });

  it('reports NaN precision when nothing is predicted positive', () => {
    expect(confusionMatrix([0.1, 0.2], [0, 1], 0.9).precision).toBeNaN();
  });
});

describe('youdenThreshold', () => {
  it('cuts between the classes when they separate', () => {
    const t = youdenThreshold([0.1, 0.2, 0.3, 0.6, 0.7], [0, 0, 0, 1, 1]);
    expect(t).toBeCloseTo(0.45, 12);
    const cm = confusionMatrix([0.1, 0.2, 0.3, 0.6, 0.7], [0, 0, 0, 1, 1], t);
    expect(cm.recall - cm.falsePositiveRate).toBe(1);
  });

  it('never does worse on Youden J than any observed score used as threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 4, maxLength: 40 }), (rows) => {
        const scores = rows.map((r) => r[0]);
        const labels = rows.map((r) => (r[1] ? 1 : 0));
        if (!labels.includes(0) || !labels.includes(1)) return;
        const j = (t: number) => {
          const cm = confusionMatrix(scores, labels, t);
          return cm.recall - cm.falsePositiveRate;
        };
        const best = j(youdenThreshold(scores, labels));
        for (const s of scores) expect(best).toBeGreaterThanOrEqual(j(s) - 1e-12);
      }),
    );
  });
});
