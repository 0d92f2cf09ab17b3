// Names of what the timeline draws. Colours live in globals.css (.lab-cat-*),
// chosen for at least 3:1 contrast against the page in both themes.
import type { SegmentCategory } from '@/app/_lab/protocol';

export type DrawnCategory = SegmentCategory | 'not_run' | 'startup';

export const CATEGORY_LABELS: Record<DrawnCategory, string> = {
  succeeded: 'succeeded',
  partial: 'succeeded, some items failed (short return)',
  retried: 'failed, retried',
  exception: 'exception',
  timeout: 'timeout',
  oom: 'out of memory',
  preempted: 'preempted',
  not_run: 'not run',
  startup: 'node start-up',
};

export const CATEGORY_ORDER: readonly DrawnCategory[] = ['succeeded', 'partial', 'retried', 'exception', 'timeout', 'oom', 'preempted', 'not_run', 'startup'];
