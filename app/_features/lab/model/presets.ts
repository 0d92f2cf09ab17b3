// One-click cases from the chapter. Each sets the controls, may add a
// scenario (faults or entry-script behaviour through the engine's hooks), and
// names the log file where Azure would report the outcome.
import { LOG_PATHS, entryScriptLogPath, stderrLogPath } from '@/engine/parallel-run/logs';
import type { ScenarioSpec } from './scenario';
import { DEFAULT_SETTINGS, datasetDefaults, type LabSettings } from './settings';

export const PRESET_IDS = [
  'nightly-retail',
  'image-scoring',
  'batch-too-large',
  'batch-too-small',
  'missing-package',
  'gpu-model-on-cpu',
  'no-datastore-permission',
  'model-version-not-found',
  'low-priority-preempted',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  id: PresetId;
  title: string;
  /** What the learner is looking at, in a sentence. */
  summary: string;
  /** For a failure: where and when it failed, how to tell it from the others, and the fix. */
  explanation?: string;
  settings: LabSettings;
  scenario: ScenarioSpec;
  /** Where Azure reports it: the log file to open, and the line to look for in it. */
  report: { log: string; find: RegExp; note: string };
}

const tabular = (patch: Partial<LabSettings>): LabSettings => ({ ...DEFAULT_SETTINGS, ...patch });
const files = (patch: Partial<LabSettings>): LabSettings => ({ ...DEFAULT_SETTINGS, ...datasetDefaults('file'), ...patch });

// The four failure presets fail where Azure would: an import or CUDA error
// and a missing model version in init() (each after its own time), a datastore
// permission while mounting the input, before any process starts.
const PRESETS: readonly Preset[] = [
  {
    id: 'nightly-retail',
    title: 'Nightly retail forecasting, 10 nodes',
    summary: '100,000 rows scored on a 10-node CPU cluster; a few corrupted rows stay well inside error_threshold.',
    settings: tabular({ rows: 100_000, corrupt: 0.002, node_count: '10', mini_batch_size: '64KB', error_threshold: '500' }),
    scenario: {},
    report: { log: LOG_PATHS.progress, find: /Job result/, note: 'job_progress_overview.txt shows mini-batches processed and the final result.' },
  },
  {
    id: 'image-scoring',
    title: 'File scoring with error_threshold 10',
    summary: 'File dataset (sensor logs stand in for scans), about 8 % unreadable, and a run() that raises on a bad file: the whole mini-batch is charged.',
    settings: files({ vm_size: 'Standard_NC6s_v3', process_count_per_node: '1', mini_batch_size: '4', error_threshold: '10', run_invocation_timeout: '300' }),
    scenario: { strictFiles: true },
    report: { log: LOG_PATHS.result, find: /^Reason:/m, note: 'job_result.txt gives the reason; job_error.txt lists each failed mini-batch.' },
  },
  {
    id: 'batch-too-large',
    title: 'Mini-batch too large: timeouts',
    summary: '1 MB mini-batches hold about 20,000 rows each, roughly 10 minutes of work per run() call against a run_invocation_timeout of 60 s: every try times out.',
    settings: tabular({ rows: 60_000, mini_batch_size: '1MB', error_threshold: '100' }),
    scenario: {},
    report: { log: LOG_PATHS.processedMiniBatches, find: /RUN_TIMEOUT/, note: 'processed_mini-batches.csv shows RUN_TIMEOUT rows; job_result.txt the abort.' },
  },
  {
    id: 'batch-too-small',
    title: 'Mini-batch too small: overhead',
    summary: '512-byte mini-batches: thousands of run() calls, each paying the fixed call overhead. It succeeds, slowly.',
    settings: tabular({ mini_batch_size: '512' }),
    scenario: {},
    report: { log: LOG_PATHS.progress, find: /mini-batches created/, note: 'job_progress_overview.txt shows a huge number of mini-batches.' },
  },
  {
    id: 'missing-package',
    title: 'Missing package',
    summary: 'The environment lacks onnxruntime, so score.py cannot even be imported: init() fails at once in every process, and each process retries until its node gives up.',
    explanation:
      'Failed in init(), within seconds of each start: the import error is in every stderr log. Retrying cannot help, because every restart imports the same environment. Add onnxruntime to the environment (conda or pip dependencies) and resubmit.',
    settings: tabular({}),
    scenario: { initError: { name: 'ModuleNotFoundError', message: "No module named 'onnxruntime'" } },
    report: { log: stderrLogPath(0, 0), find: /ModuleNotFoundError/, note: "Each process's stderr log ends with the import error; job_result.txt gives the system error." },
  },
  {
    id: 'gpu-model-on-cpu',
    title: 'GPU model on CPU compute',
    summary: 'The model was exported for CUDA, but the cluster is Standard_DS3_v2 (no GPU): init() loads the weights for a few seconds, then cannot find a CUDA device.',
    explanation:
      'Failed in init() with a CUDA error, after each process spent a few seconds loading the model. Run on a GPU size (Standard_NC6s_v3) or export the model for the CPU execution provider.',
    settings: tabular({ vm_size: 'Standard_DS3_v2' }),
    scenario: { requiresGpu: true, initSeconds: 8 },
    report: { log: LOG_PATHS.errors, find: /CUDA/, note: 'job_error.txt lists each failed init() with its CUDA error.' },
  },
  {
    id: 'no-datastore-permission',
    title: 'No datastore permission',
    summary: "The cluster's identity may not read the datastore: mounting the input fails on the first node, before any process starts, so init() and run() are never called.",
    explanation:
      "Failed while mounting the input, seconds after the first node was ready: a 403 authorization error, no entry-script log, no scored row. Give the cluster's managed identity Storage Blob Data Reader on the storage account (and Contributor for an output datastore).",
    settings: tabular({}),
    scenario: {
      datastoreAccess: {
        mount: 'input',
        error: {
          name: 'UserErrorException',
          message: "403 AuthorizationPermissionMismatch: the compute identity may not read datastore 'workspaceblobstore', so input 'credit_applicants' cannot be mounted",
        },
      },
    },
    report: { log: LOG_PATHS.errors, find: /403/, note: 'job_error.txt shows the 403 from the mount; no entry-script log exists, because no process started.' },
  },
  {
    id: 'model-version-not-found',
    title: 'Model version not found',
    summary: 'score.py asks the registry for credit-risk version 7, which does not exist: each init() waits about 20 s for the lookup, then raises.',
    explanation:
      'Failed in init() with the model-not-found error, after each process spent about 20 s on the registry lookup, so it ends later than the missing-package case. Register the version, or point score.py at one that exists, and resubmit.',
    settings: tabular({}),
    scenario: {
      initSeconds: 20,
      initError: { name: 'WebserviceException', message: 'ModelNotFound: model credit-risk:7 was not found in this workspace' },
    },
    report: { log: entryScriptLogPath(0, 0), find: /ModelNotFound/, note: "Each process's entry-script log shows the failed init()." },
  },
  {
    id: 'low-priority-preempted',
    title: 'Low-priority cluster preempted',
    summary: 'Four low-priority nodes with a slower model; two are reclaimed mid-job, their mini-batches go back to the queue and the job still completes.',
    settings: tabular({ rows: 40_000, node_count: '4', low_priority: true, mini_batch_size: '16KB', error_threshold: '500' }),
    scenario: {
      computeModel: { itemSeconds: 0.05 },
      faults: { preemption: { at: [{ node: 1, time: 290 }, { node: 3, time: 310 }] } },
    },
    report: { log: LOG_PATHS.master, find: /preempted/, note: 'master_role.txt records each preemption and the replacement node.' },
  },
];

export const PRESETS_BY_ID: ReadonlyMap<PresetId, Preset> = new Map(PRESETS.map((p) => [p.id, p]));
export const ALL_PRESETS = PRESETS;

export const isPresetId = (value: unknown): value is PresetId => typeof value === 'string' && (PRESET_IDS as readonly string[]).includes(value);
