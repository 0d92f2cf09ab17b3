// What each control says in the v2 dialects: the setting's meaning and its
// default there (v1's texts live beside the controls). Defaults follow the
// engine's dialect schemas; where Microsoft's pages disagree the engine's
// DIALECT_CONFLICTS says which value the simulator took.
import type { LabSdk } from './sdk';
import type { SdkField } from './settings';

export interface SdkHint {
  hint: string;
  placeholder?: string;
}

type V2 = Exclude<LabSdk, 'v1'>;

export const V2_HINTS: Record<V2, Partial<Record<SdkField, SdkHint>>> = {
  'v2-parallel': {
    node_count: { hint: 'Instances (nodes) the parallel step runs on (default 1).' },
    process_count_per_node: { hint: 'Processes per instance; unset: 1 on a GPU size, one per core on CPU.' },
    mini_batch_size: { hint: 'Files per run() for a folder, or a size such as "100 kb" for an mltable (the simulator\'s default 10 files / 1 MB).' },
    error_threshold: { hint: 'A program argument: failed items tolerated; -1 (the default) ignores them all.', placeholder: '-1' },
    allowed_failed_count: { hint: 'Failed mini-batches tolerated; -1 (the default) ignores them all.', placeholder: '-1' },
    allowed_failed_percent: { hint: 'A program argument: failed mini-batches as a percentage (default 100).', placeholder: '100' },
    run_max_try: { hint: 'Tries of a mini-batch in all before it counts as failed (default 2).' },
    run_invocation_timeout: { hint: 'Seconds one run() call may take (default 60).', placeholder: '60' },
    output_action: { hint: 'Set: every run() result is appended to the output it names (append_row). Unset: summary_only.' },
  },
  'v2-batch-deployment': {
    node_count: { hint: 'Instances of the cluster the deployment job uses (default 1).' },
    process_count_per_node: { hint: 'Processes per instance (default 1).' },
    mini_batch_size: { hint: 'Whole files per run() call, whatever their size (default 10). The credit-risk rows arrive as CSV files of 50 rows.', placeholder: '10' },
    error_threshold: { hint: 'Failed files tolerated; -1 (the default) allows any number.', placeholder: '-1' },
    run_max_try: { hint: 'Tries of a mini-batch in all (default 3).' },
    run_invocation_timeout: { hint: 'Seconds one mini-batch may take (default 30).', placeholder: '30' },
    output_action: { hint: 'append_row (the default) writes every result to one file; summary_only writes none.' },
    append_row_file_name: { hint: 'Name of the output file (default predictions.csv); an existing file of that name is never overwritten.', placeholder: 'predictions.csv' },
  },
};

/** Shown beside each v1 control: the setting's name in the two v2 dialects. */
export function v2NamesHint(v2Parallel: string | null, v2Batch: string | null): string {
  const part = (name: string | null, where: string) => `${where}: ${name ?? 'no equivalent'}`;
  return `v2 ${part(v2Parallel, 'parallel job')}; ${part(v2Batch, 'batch deployment')}.`;
}
