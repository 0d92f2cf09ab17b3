// The three v1 abort thresholds. Any one being exceeded fails the job.
//  - error_threshold: failed ITEMS (rows or files) over the whole input.
//  - allowed_failed_count: failed MINI-BATCHES over the whole input.
//  - allowed_failed_percent: failed mini-batches as a share of all of them,
//    only checked once every mini-batch has been scheduled.
// "Exceeded" means strictly above the limit; -1 (or 100 %) ignores failures;
// an unset optional threshold is simply not checked.
//
// Simplification: a mini-batch counts as failed once it is finally failed
// (tries used up, or a short return). The SDK notes that a check made between
// two tries may count a mini-batch that later succeeds; the simulator does not
// model when such periodic checks happen.
import { plural } from './outcome';
import { V1_NAMES, type SettingNames } from './rules';

export type ThresholdName = 'error_threshold' | 'allowed_failed_count' | 'allowed_failed_percent';

export interface ThresholdLimits {
  errorThreshold: number;
  allowedFailedCount: number | null;
  allowedFailedPercent: number | null;
}

export interface ThresholdProgress {
  failedItems: number;
  failedMiniBatches: number;
  totalMiniBatches: number;
  /** True once every mini-batch has been handed to a worker at least once. */
  allScheduled: boolean;
}

export interface ThresholdBreach {
  threshold: ThresholdName;
  message: string;
}

/** The thresholds the progress exceeds right now, in a fixed order. */
/** `names` only changes the wording (a dialect's setting names); `threshold` keeps the v1 name for code. */
export function exceededThresholds(limits: ThresholdLimits, progress: ThresholdProgress, names: SettingNames = V1_NAMES): ThresholdBreach[] {
  const breaches: ThresholdBreach[] = [];
  const { errorThreshold, allowedFailedCount, allowedFailedPercent } = limits;
  const { failedItems, failedMiniBatches, totalMiniBatches } = progress;
  if (errorThreshold !== -1 && failedItems > errorThreshold) {
    breaches.push({
      threshold: 'error_threshold',
      message: `${names.errorThreshold} exceeded: ${plural(failedItems, `failed ${names.failedUnit}`)} is above the limit of ${errorThreshold}`,
    });
  }
  if (allowedFailedCount !== null && allowedFailedCount !== -1 && failedMiniBatches > allowedFailedCount) {
    breaches.push({
      threshold: 'allowed_failed_count',
      message: `${names.allowedFailedCount} exceeded: ${plural(failedMiniBatches, 'failed mini-batch', 'failed mini-batches')} is above the limit of ${allowedFailedCount}`,
    });
  }
  if (allowedFailedPercent !== null && progress.allScheduled && totalMiniBatches > 0) {
    const percent = (failedMiniBatches / totalMiniBatches) * 100;
    if (percent > allowedFailedPercent) {
      breaches.push({
        threshold: 'allowed_failed_percent',
        message: `${names.allowedFailedPercent} exceeded: ${failedMiniBatches} of ${totalMiniBatches} mini-batches failed (${formatPercent(percent)} %), above the limit of ${allowedFailedPercent} %`,
      });
    }
  }
  return breaches;
}

function formatPercent(value: number): string {
  return String(Math.round(value * 100) / 100);
}
