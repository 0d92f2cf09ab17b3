// The training recipe for the credit-risk model, shared by the build script and
// the tests: a seeded train / held-out split, the same row validation the entry
// script applies, logistic regression, and a Youden threshold picked on the
// training rows only (the held-out rows stay unseen until evaluation).
import { readFeatureRow } from '../dataset/columnar';
import { CREDIT_RISK_FEATURES, isValidFeatureRow } from '../dataset/credit-risk-schema';
import { createRandom } from '../random';
import type { Dataset } from '../types';
import type { LogisticModel } from './logistic-model';
import { scoreLogisticReference } from './logistic-model';
import { youdenThreshold } from './metrics';
import { trainLogisticRegression } from './train-logistic';

export interface LabelledRows {
  ids: string[];
  /** Row-major [ids.length, features]. */
  x: Float32Array;
  y: number[];
}

/** Seeded shuffle of row indices, then the first `heldOutShare` of them are held out. */
export function splitRowIndices(count: number, seed: number, heldOutShare = 0.2): { train: number[]; heldOut: number[] } {
  const order = Array.from({ length: count }, (_, i) => i);
  const rng = createRandom(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.round(count * heldOutShare);
  return { heldOut: order.slice(0, cut).sort((a, b) => a - b), train: order.slice(cut).sort((a, b) => a - b) };
}

/** The rows among `indices` that pass validation and carry a 0/1 label. */
export function labelledRows(dataset: Dataset, indices: readonly number[]): LabelledRows {
  const names = CREDIT_RISK_FEATURES.map((f) => f.name);
  const f = names.length;
  const row = new Float32Array(f);
  const ids: string[] = [];
  const values: number[] = [];
  const y: number[] = [];
  for (const index of indices) {
    const item = dataset.items[index]!;
    const label = (item.value as Record<string, unknown>).label;
    readFeatureRow(item, names, row, 0);
    if ((label !== 0 && label !== 1) || !isValidFeatureRow(row, 0, CREDIT_RISK_FEATURES)) continue;
    ids.push(item.id);
    values.push(...row);
    y.push(label);
  }
  return { ids, x: new Float32Array(values), y };
}

export interface CreditRiskTraining {
  model: LogisticModel;
  train: LabelledRows;
  heldOut: LabelledRows;
}

export function trainCreditRiskModel(dataset: Dataset, splitSeed: number): CreditRiskTraining {
  const split = splitRowIndices(dataset.items.length, splitSeed);
  const train = labelledRows(dataset, split.train);
  const heldOut = labelledRows(dataset, split.heldOut);
  const fitted = trainLogisticRegression(train.x, train.y, CREDIT_RISK_FEATURES.map((f) => f.name));
  const threshold = Number(youdenThreshold(scoreLogisticReference(fitted, train.x), train.y).toFixed(4));
  return { model: { ...fitted, threshold }, train, heldOut };
}
