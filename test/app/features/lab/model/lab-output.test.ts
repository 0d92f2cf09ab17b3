import { describe, expect, it } from 'vitest';
import { buildQuality, outputFileChunks } from '@/app/_features/lab/model/lab-output';
import { auc, confusionMatrix, outputFile, outputLines, type ScoredColumns } from '@/engine/index';

const ids = { prefix: 'cr-', width: 5 };
const scored = (rows: number[], scores: number[], labels: number[]): ScoredColumns => ({
  kind: 'scored_rows',
  ids,
  rows: Uint32Array.from(rows),
  scores: Float32Array.from(scores),
  labels: Uint8Array.from(labels),
});

describe('the output file in the lab', () => {
  it('downloads as newline-terminated UTF-8 chunks whose lines are the file’s lines, lists and scored columns alike', () => {
    const file = outputFile('out.txt', [['first', { a: 1 }], undefined, scored([7, 9], [0.25, 0.5], [0, 1])], false);
    const text = outputFileChunks(file).map((c) => new TextDecoder().decode(c)).join('');
    expect(text).toBe('first\n{"a":1}\n{"id":"cr-00008","score":0.25,"label":0}\n{"id":"cr-00010","score":0.5,"label":1}\n');
    expect(text.split('\n').slice(0, -1)).toEqual(outputLines(file));
  });

  it('has no chunks for an empty file', () => {
    expect(outputFileChunks(outputFile('out.txt', [[], undefined], false))).toEqual([]);
  });
});

describe('model quality from the scored rows', () => {
  it('matches scores to the ground truth by table row and uses the engine’s metrics', () => {
    // Rows 0..3 scored in two mini-batches; the truth has an extra row that was never scored.
    const truth = Uint8Array.from([1, 0, 0, 1, 1]);
    const file = outputFile('out.txt', [scored([0, 1], [0.9, 0.2], [1, 0]), scored([2, 3], [0.7, 0.4], [1, 0])], false);
    const quality = buildQuality(file, truth, 0.5);
    const scores = [0.9, 0.2, 0.7, 0.4];
    const labels = [1, 0, 0, 1];
    expect(Array.from(quality!.labels)).toEqual(labels);
    expect(quality?.auc).toBeCloseTo(auc(scores, labels), 6);
    const matrix = confusionMatrix(scores, labels, 0.5);
    expect(quality?.roc.find((p) => p.threshold === 0.5)).toEqual({ threshold: 0.5, fpr: matrix.falsePositiveRate, tpr: matrix.recall });
  });

  it('is null when nothing was scored', () => {
    expect(buildQuality(outputFile('out.txt', [['not a score']], false), new Uint8Array(1), 0.5)).toBeNull();
  });
});
