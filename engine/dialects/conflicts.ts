// The one list of places where Microsoft's own pages disagree about a setting
// the dialects use, with the value this simulator runs and why. Schemas and
// defaults cite these entries instead of deciding silently, and the lab can
// show the list as it is.
import type { Dialect } from './dialect';

export interface DocumentedValue {
  value: string;
  /** Where it is written, in words a learner can look up. */
  source: string;
}

export interface DialectConflict {
  id: string;
  dialects: readonly Dialect[];
  /** The setting as its dialect spells it. */
  field: string;
  values: readonly DocumentedValue[];
  /** The value the simulator uses. */
  chosen: string;
  why: string;
}

export const DIALECT_CONFLICTS: readonly DialectConflict[] = [
  {
    id: 'v2-mini-batch-size-default',
    dialects: ['v2-parallel'],
    field: 'mini_batch_size',
    values: [
      { value: '1', source: 'CLI (v2) parallel job YAML reference (reference-yaml-job-parallel)' },
      { value: '10 files for a folder, 1 MB for tabular (mltable) data', source: 'azure-ai-ml SDK docstring (parallel_func.py); the SDK itself sends no value' },
    ],
    chosen: '10 files / 1 MB',
    why: 'the SDK leaves the value to the service, and 10 files / 1 MB is what v1 and batch deployments use; a 1-byte budget would give every row its own mini-batch',
  },
  {
    id: 'v2-task-overhead-timeout',
    dialects: ['v2-parallel'],
    field: '--task_overhead_timeout',
    values: [
      { value: '30', source: 'CLI (v2) parallel job YAML reference' },
      { value: '600', source: 'how-to "Use parallel job in pipeline" (2026 and 2023 revisions)' },
    ],
    chosen: '600',
    why: 'the how-to is the more recently revised page and two of its revisions agree; the simulator only checks and shows the value',
  },
  {
    id: 'max-concurrency-default',
    dialects: ['v2-parallel', 'v2-batch-deployment'],
    field: 'max_concurrency_per_instance',
    values: [
      { value: '1 on a GPU node, the number of cores on a CPU node', source: 'parallel job YAML reference and how-to' },
      { value: '1', source: 'batch deployment YAML reference (settings.max_concurrency_per_instance)' },
      { value: '1', source: 'a comment in the azure-ai-ml SDK sample (parallel_func.py)' },
    ],
    chosen: 'parallel job: 1 on GPU, cores on CPU; batch deployment: 1',
    why: "each dialect follows its own reference page; the SDK comment is a sample's remark, not a reference",
  },
  {
    id: 'v2-max-retries-meaning',
    dialects: ['v2-parallel'],
    field: 'retry_settings.max_retries',
    values: [
      { value: 'range from 0', source: 'how-to "Use parallel job in pipeline"' },
      { value: 'range from 1, read as the dequeue count beyond which a mini-batch is not processed again', source: 'azure-ai-ml RetrySettings docstring (retry_settings.py)' },
    ],
    chosen: 'from 1: a mini-batch is tried at most max_retries times in all, then failed',
    why: "the SDK docstring uses v1 run_max_try's dequeue-count wording, which is the only statement of how the tries are counted",
  },
  {
    id: 'v1-process-count-default',
    dialects: ['v1'],
    field: 'process_count_per_node',
    values: [
      { value: '1 on a GPU node, the number of cores on a CPU node', source: 'current ParallelRunStep troubleshooting guide' },
      { value: '1', source: 'older how-to (2020) and the azureml-pipeline-core docstring' },
      { value: 'the number of cores', source: 'azureml-pipeline-steps docstring' },
    ],
    chosen: '1 on GPU, cores on CPU',
    why: 'the SDK passes nothing when unset, so the service decides; the current guide says what it decides',
  },
  {
    id: 'batch-timeout-on-every-retry',
    dialects: ['v2-batch-deployment'],
    field: 'settings.error_threshold',
    values: [
      { value: '-1 allows any number of failed files', source: 'batch deployment YAML reference' },
      { value: 'a timeout on every retry fails the deployment job', source: 'batch endpoint troubleshooting guide' },
    ],
    chosen: 'settings.error_threshold decides: the timed-out files count as failed files',
    why: 'the reference defines the threshold; the troubleshooting remark is read as describing a job run with a threshold that those failures exceed',
  },
];
