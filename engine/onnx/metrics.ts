// Evaluation helpers shared by the training script, the tests and the UI.

/**
 * Area under the ROC curve: the chance that a random positive scores above a
 * random negative (ties count half), via the Mann–Whitney rank sum. Entries
 * with a NaN score are skipped; NaN when either class is absent.
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i]!)) idx.push(i);
  idx.sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < idx.length; ) {
    let end = start;
    while (end + 1 < idx.length && scores[idx[end + 1]!] === scores[idx[start]!]) end++;
    const meanRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[idx[k]!] === 1) {
        positives++;
        rankSum += meanRank;
      }
    }
    start = end + 1;
  }
  const negatives = idx.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface ConfusionMatrix {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  accuracy: number;
  /** NaN when nothing was predicted positive. */
  precision: number;
  /** True positive rate; NaN when there are no positives. */
  recall: number;
  falsePositiveRate: number;
}

/** Counts at a threshold: a score ≥ threshold predicts 1. NaN scores are skipped. */
export function confusionMatrix(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): ConfusionMatrix {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (Number.isNaN(s)) continue;
    const actual = labels[i] === 1;
    const predicted = s >= threshold;
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const total = tp + fp + tn + fn;
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    accuracy: total ? (tp + tn) / total : NaN,
    precision: tp + fp ? tp / (tp + fp) : NaN,
    recall: tp + fn ? tp / (tp + fn) : NaN,
    falsePositiveRate: fp + tn ? fp / (fp + tn) : NaN,
  };
}

/**
 * The cut that maximises Youden's J (recall − false positive rate): a sensible
 * default when defaults are much rarer than repayments, where 0.5 would flag
 * almost nobody. Returned as the midpoint between two neighbouring scores.
 */
export function youdenThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).filter((i) => !Number.isNaN(scores[i]!));
  idx.sort((a, b) => scores[b]! - scores[a]!);
  const positives = idx.filter((i) => labels[i] === 1).length;
  const negatives = idx.length - positives;
  let tp = 0;
  let fp = 0;
  let best = -Infinity;
  let threshold = 0.5;
  for (let k = 0; k < idx.length; k++) {
    if (labels[idx[k]!] === 1) tp++;
    else fp++;
    const next = idx[k + 1];
    // Only cut between distinct scores.
    if (next !== undefined && scores[next] === scores[idx[k]!]) continue;
    const j = tp / positives - fp / negatives;
    if (j > best) {
      best = j;
      const here = scores[idx[k]!]!;
      const mid = next === undefined ? here : (here + scores[next]!) / 2;
      // Between two neighbouring doubles the midpoint can round down onto the lower score.
      threshold = next !== undefined && mid > scores[next]! ? mid : here;
    }
  }
  return threshold;
}
