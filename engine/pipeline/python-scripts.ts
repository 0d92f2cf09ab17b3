// What a python_script step does, chosen by its script name. The built-in
// scripts really transform the data; any other script is a stand-in that
// takes `arguments.duration_seconds` (default 30) and can be told to fail with
// `arguments.fail_with`, which keeps random test pipelines cheap.
//
// Work times are ILLUSTRATIVE round numbers (like the compute catalogue's),
// chosen so bigger data takes visibly longer.
import type { DataItem, Dataset } from '../types';
import { CREDIT_RISK_FEATURE_NAMES, CREDIT_RISK_FEATURES, isValidFeatureRow } from '../dataset/credit-risk-schema';
import { readFeatureRow } from '../dataset/columnar';
import { bandedArtifact, bandedRowsCsv, scoresCsv } from './banded-rows';
import { buildTabularDataset, type TabularRow } from '../dataset/tabular-dataset';
import { parseDatastoreRef } from './datastore';
import { fillBuiltIns } from './parameters';
import { checkBandThresholds, riskBandsCsv, scoredRowsCsv } from './risk-bands';
import { cleanView, concatRawViews, hasCreditRiskColumns, viewBytes, viewDataset, addViewLabels, itemsIfMade, viewLength, viewOf, type TableView } from './table-view';
import type { Artifact, PipelineStep, ScoredRecord, Workspace } from './types';

export interface ScriptInput {
  name: string;
  artifact: Artifact;
}

export interface PendingWrite {
  datastore: string;
  path: string;
  content: string;
}

export interface ScriptContext {
  step: PipelineStep;
  inputs: ScriptInput[];
  runId: string;
  ws: Workspace;
  log(line: string): void;
}

export interface ScriptResult {
  /** Virtual seconds of work, before jitter. */
  seconds: number;
  /** Artifacts for the step's outputs, in order; missing ones become opaque. */
  produced: Artifact[];
  writes: PendingWrite[];
}

type Script = (ctx: ScriptContext) => ScriptResult;

const MB = 1024 * 1024;
const DEFAULT_GENERIC_SECONDS = 30;

function datasets(ctx: ScriptContext): Dataset[] {
  return ctx.inputs.flatMap((input) => (input.artifact.kind === 'dataset' ? [input.artifact.dataset] : []));
}

function concatItems(list: Dataset[]): DataItem[] {
  return list.flatMap((d) => d.items);
}

/** Generated blobs stay columnar: the output is their views concatenated, the same rows as the items. */
const ingestView = (ctx: ScriptContext, view: TableView): ScriptResult => {
  const rows = viewLength(view);
  const bytes = viewBytes(view);
  ctx.log(`read ${rows} rows (${(bytes / 1024).toFixed(1)} KB) from ${ctx.inputs.length} input(s)`);
  return { seconds: 5 + (bytes / MB) * 1.5, produced: [{ kind: 'dataset', dataset: viewDataset(view), bytes }], writes: [] };
};

const ingest: Script = (ctx) => {
  const view = concatRawViews(datasets(ctx));
  if (view) return ingestView(ctx, view);
  const items = concatItems(datasets(ctx));
  const bytes = items.reduce((sum, item) => sum + item.bytes, 0);
  ctx.log(`read ${items.length} rows (${(bytes / 1024).toFixed(1)} KB) from ${ctx.inputs.length} input(s)`);
  return { seconds: 5 + (bytes / MB) * 1.5, produced: [{ kind: 'dataset', dataset: { kind: 'tabular', items }, bytes }], writes: [] };
};

/** The training-time cleaning rule: every feature a finite number inside its range. */
function isCleanRow(item: DataItem, buffer: Float32Array): boolean {
  readFeatureRow(item, CREDIT_RISK_FEATURE_NAMES, buffer, 0);
  return isValidFeatureRow(buffer, 0, CREDIT_RISK_FEATURES);
}

/** The cleaning rule on the tables' matrices; the kept rows' items are made only if read. */
const preprocessView = (ctx: ScriptContext, view: TableView): ScriptResult => {
  const total = viewLength(view);
  const clean = cleanView(view);
  const kept = viewLength(clean);
  ctx.log(`kept ${kept} of ${total} rows; dropped ${total - kept} with missing or out-of-range features`);
  return { seconds: 3 + total * 0.0004, produced: [{ kind: 'dataset', dataset: viewDataset(clean), bytes: viewBytes(clean) }], writes: [] };
};

const preprocess: Script = (ctx) => {
  const view = concatRawViews(datasets(ctx));
  if (view && hasCreditRiskColumns(view)) return preprocessView(ctx, view);
  const items = concatItems(datasets(ctx));
  const buffer = new Float32Array(CREDIT_RISK_FEATURE_NAMES.length);
  const rows: TabularRow[] = [];
  for (const item of items) {
    if (isCleanRow(item, buffer)) rows.push({ id: item.id, value: item.value as TabularRow['value'], bytes: item.bytes });
  }
  ctx.log(`kept ${rows.length} of ${items.length} rows; dropped ${items.length - rows.length} with missing or out-of-range features`);
  // A fresh feature matrix keeps the kept rows contiguous for the scorer.
  const dataset = buildTabularDataset(rows, { featureColumns: CREDIT_RISK_FEATURE_NAMES });
  const bytes = rows.reduce((sum, r) => sum + r.bytes, 0);
  return { seconds: 3 + items.length * 0.0004, produced: [{ kind: 'dataset', dataset, bytes }], writes: [] };
};

function labelsOf(list: Dataset[]): Map<string, number> {
  const labels = new Map<string, number>();
  for (const dataset of list) {
    // Items already made (the scorer read them) hold the id strings; otherwise the view makes them.
    const items = itemsIfMade(dataset);
    if (items) addItemLabels(items, labels);
    else addViewLabels(viewOf(dataset)!, labels);
  }
  return labels;
}

function addItemLabels(items: readonly DataItem[], labels: Map<string, number>): void {
  for (const item of items) {
    const label = (item.value as Record<string, unknown> | null)?.label;
    if (label === 0 || label === 1) labels.set(item.id, label);
  }
}

const postprocess: Script = (ctx) => {
  const thresholds = checkBandThresholds(ctx.step.arguments?.band_thresholds);
  const scores: ScoredRecord[] = ctx.inputs.flatMap((i) => (i.artifact.kind === 'scores' ? i.artifact.rows : []));
  const labels = labelsOf(datasets(ctx));
  const artifact = bandedArtifact(scores, thresholds, labels.size > 0 ? labels : undefined);
  ctx.log(`banded ${scores.length} scored rows: ${artifact.bands.map((b) => `${b.band} ${b.count}`).join(', ')}`);
  return { seconds: 2 + scores.length * 0.0002, produced: [artifact], writes: [] };
};

const writeOutput: Script = (ctx) => {
  const target = ctx.step.arguments?.output_path;
  if (typeof target !== 'string') throw new Error('ValueError: write_output.py needs arguments.output_path (a datastore folder)');
  const ref = parseDatastoreRef(fillBuiltIns(target, ctx.runId));
  if (!ctx.ws.datastores[ref.datastore]) throw new Error(`UserErrorException: datastore ${ref.datastore} not found`);
  const folder = ref.path === '' || ref.path.endsWith('/') ? ref.path : `${ref.path}/`;
  const writes: PendingWrite[] = [];
  for (const input of ctx.inputs) {
    const { artifact } = input;
    if (artifact.kind === 'risk_bands') {
      writes.push({ datastore: ref.datastore, path: `${folder}risk_bands.csv`, content: riskBandsCsv(artifact.bands) });
      writes.push({ datastore: ref.datastore, path: `${folder}scored_applicants.csv`, content: bandedRowsCsv(artifact) ?? scoredRowsCsv(artifact.rows) });
    } else if (artifact.kind === 'scores') {
      writes.push({ datastore: ref.datastore, path: `${folder}${input.name}.csv`, content: scoresCsv(artifact.rows, () => '') });
    }
  }
  const bytes = writes.reduce((sum, w) => sum + w.content.length, 0);
  ctx.log(`wrote ${writes.length} file(s) to ${ref.datastore}/${folder}`);
  return { seconds: 2 + (bytes / MB) * 1, produced: [], writes };
};

const generic: Script = (ctx) => {
  const seconds = ctx.step.arguments?.duration_seconds;
  return { seconds: typeof seconds === 'number' && seconds >= 0 ? seconds : DEFAULT_GENERIC_SECONDS, produced: [], writes: [] };
};

const BUILT_IN: Record<string, Script> = {
  'ingest.py': ingest,
  'preprocess.py': preprocess,
  'postprocess.py': postprocess,
  'write_output.py': writeOutput,
};

export type ScriptOutcome = (ScriptResult & { error?: undefined }) | { error: string; seconds: number };

/** Seconds into the script when a raised exception stops it (imports and argument checks come first). */
const EARLY_FAILURE_SECONDS = 2;

/** Runs the step's script. An exception becomes the error the step fails with. */
export function runPythonScript(ctx: ScriptContext): ScriptOutcome {
  const script = BUILT_IN[ctx.step.script ?? ''] ?? generic;
  let result: ScriptResult;
  try {
    result = script(ctx);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), seconds: EARLY_FAILURE_SECONDS };
  }
  // An injected failure happens after the work, like a script that crashes at the end.
  const failWith = ctx.step.arguments?.fail_with;
  if (typeof failWith === 'string' && failWith !== '') return { error: failWith, seconds: result.seconds };
  return result;
}
