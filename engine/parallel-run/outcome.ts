// The ONE definition of how a mini-batch ended. Every panel that counts
// mini-batches (status card, timeline legend, logs, charts) reads it from
// here, so two views of the same run can never disagree.
//
// A short return (run() gave back fewer results than it got inputs) fails the
// mini-batch: v2's docs say so outright, and v1's report counts the missing
// results as failed items. It is still told apart from a mini-batch that
// failed every one of its run_max_try tries, because the cure differs.
import type { MiniBatchResult, RunCounts } from '../types';

export const MINI_BATCH_OUTCOMES = ['succeeded', 'short_return', 'tries_exhausted', 'not_run'] as const;

export type MiniBatchOutcome = (typeof MINI_BATCH_OUTCOMES)[number];

/** What each outcome means, in the words every panel uses. */
export const MINI_BATCH_OUTCOME_LABELS: Record<MiniBatchOutcome, string> = {
  succeeded: 'succeeded',
  short_return: 'failed: short return',
  tries_exhausted: 'failed: every try failed',
  not_run: 'not run',
};

type Decided = Pick<MiniBatchResult, 'status' | 'attempts'>;

export function miniBatchOutcome(batch: Decided): MiniBatchOutcome {
  if (batch.status === 'succeeded') return 'succeeded';
  if (batch.status === 'not_run') return 'not_run';
  // A failed mini-batch whose last try returned normally was failed for its short return.
  return batch.attempts.at(-1)?.outcome === 'succeeded' ? 'short_return' : 'tries_exhausted';
}

export type OutcomeCounts = Record<MiniBatchOutcome, number>;

export function countOutcomes(batches: readonly Decided[]): OutcomeCounts {
  const counts: OutcomeCounts = { succeeded: 0, short_return: 0, tries_exhausted: 0, not_run: 0 };
  for (const batch of batches) counts[miniBatchOutcome(batch)]++;
  return counts;
}

/** "1 item", "2 items": every count a learner reads goes through here. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * The mini-batch line of the job result and of the lab's status card:
 * "32 mini-batches: 3 succeeded, 29 failed (29 short return, 0 every try failed), 0 not run".
 */
export function describeMiniBatches(counts: RunCounts, outcomes: OutcomeCounts, formatCount: (n: number) => string = String): string {
  const failed = outcomes.short_return + outcomes.tries_exhausted;
  const detail = failed > 0 ? ` (${formatCount(outcomes.short_return)} short return, ${formatCount(outcomes.tries_exhausted)} every try failed)` : '';
  return `${formatCount(outcomes.succeeded)} succeeded, ${formatCount(failed)} failed${detail}, ${formatCount(outcomes.not_run)} not run; ${formatCount(counts.miniBatches)} in all`;
}
