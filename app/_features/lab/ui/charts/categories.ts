// Names of what the timeline draws. Colours live in globals.css (.lab-cat-*),
// chosen for at least 3:1 contrast against the page in both themes.
import type { SegmentCategory } from '@/app/_features/lab/model/protocol';
import { MINI_BATCH_OUTCOME_LABELS } from '@/engine/parallel-run/outcome';

export type DrawnCategory = SegmentCategory | 'not_run' | 'startup';

// A bar is one run() attempt. The final attempt of a mini-batch takes the
// engine's name for how the mini-batch ended, so the legend and the status
// card use the same words for the same mini-batches.
export const CATEGORY_LABELS: Record<DrawnCategory, string> = {
  succeeded: MINI_BATCH_OUTCOME_LABELS.succeeded,
  partial: MINI_BATCH_OUTCOME_LABELS.short_return,
  retried: 'failed try, retried',
  exception: 'last try failed: exception',
  timeout: 'last try failed: timeout',
  oom: 'last try failed: out of memory',
  preempted: 'preempted, re-queued',
  not_run: MINI_BATCH_OUTCOME_LABELS.not_run,
  startup: 'node start-up',
};

export const CATEGORY_ORDER: readonly DrawnCategory[] = ['succeeded', 'partial', 'retried', 'exception', 'timeout', 'oom', 'preempted', 'not_run', 'startup'];
