// The columnar path of the built-in scripts (datasets as table views) against
// the item path they replace: the same datasets, fed as plain items, must give
// the same artifacts, bytes, logs and files.
import { describe, expect, it } from 'vitest';
import { createWorkspace, type Artifact, type PipelineStep, type Workspace } from '@/engine/index';
import type { Dataset } from '@/engine/types';
import { readFeatureRow } from '@/engine/dataset/columnar';
import { CREDIT_RISK_FEATURE_NAMES } from '@/engine/dataset/credit-risk-schema';
import { readDatastoreDataset } from '@/engine/pipeline/datastore';
import { runPythonScript, type ScriptInput, type ScriptResult } from '@/engine/pipeline/python-scripts';
import { itemsIfMade, viewOf } from '@/engine/pipeline/table-view';

const FOLDER = 'credit-risk/applicants/';

/** A workspace whose blobs have many broken rows and repeat ids across blobs (each starts at cr-00001). */
function workspace(): Workspace {
  const ws = createWorkspace({ sampleRows: 400 });
  const store = ws.datastores.workspaceblobstore!;
  store.blobs[`${FOLDER}applicants-001.csv`]!.generator!.corruptShare = 0.2;
  return ws;
}

function step(script: string, inputs: string[], args: PipelineStep['arguments'] = {}): PipelineStep {
  return { name: script.replace('.py', ''), type: 'python_script', script, inputs, outputs: ['out'], arguments: args };
}

function run(ws: Workspace, s: PipelineStep, inputs: ScriptInput[]): { result: ScriptResult; logs: string[] } {
  const logs: string[] = [];
  const outcome = runPythonScript({ step: s, inputs, runId: 'run-1', ws, log: (l) => logs.push(l) });
  if (outcome.error !== undefined) throw new Error(outcome.error);
  return { result: outcome, logs };
}

/** The same dataset as plain items: the scripts then take their item path. */
function asItems(artifact: Artifact): Artifact {
  if (artifact.kind !== 'dataset') return artifact;
  return { ...artifact, dataset: { kind: 'tabular', items: artifact.dataset.items } };
}

function features(dataset: Dataset): number[][] {
  const f = CREDIT_RISK_FEATURE_NAMES.length;
  const out = new Float32Array(f);
  return dataset.items.map((item) => {
    readFeatureRow(item, CREDIT_RISK_FEATURE_NAMES, out, 0);
    return Array.from(out);
  });
}

function datasetOf(result: ScriptResult): { dataset: Dataset; bytes: number } {
  const produced = result.produced[0]!;
  if (produced.kind !== 'dataset') throw new Error(`expected a dataset, got ${produced.kind}`);
  return produced;
}

function rawInput(ws: Workspace): ScriptInput {
  const { dataset, bytes } = readDatastoreDataset(ws.datastores.workspaceblobstore!, FOLDER);
  return { name: 'raw', artifact: { kind: 'dataset', dataset, bytes } };
}

describe('built-in scripts on table views', () => {
  it('reads generated blobs as a view whose items are made only when read', () => {
    const input = rawInput(workspace());
    const dataset = (input.artifact as Extract<Artifact, { kind: 'dataset' }>).dataset;
    expect(viewOf(dataset)?.kind).toBe('raw');
    expect(itemsIfMade(dataset)).toBeUndefined();
    expect(dataset.items).toHaveLength(800);
    expect(itemsIfMade(dataset)).toBe(dataset.items);
  });

  it('ingest gives the same rows, bytes and log as the item path', () => {
    const ws = workspace();
    const s = step('ingest.py', ['raw']);
    const columnar = run(ws, s, [rawInput(ws)]);
    const items = run(ws, s, [{ ...rawInput(ws), artifact: asItems(rawInput(ws).artifact) }]);
    const a = datasetOf(columnar.result);
    const b = datasetOf(items.result);
    expect(viewOf(a.dataset)).toBeDefined();
    expect(viewOf(b.dataset)).toBeUndefined();
    expect(a.bytes).toBe(b.bytes);
    expect(columnar.logs).toEqual(items.logs);
    expect(columnar.result.seconds).toBe(items.result.seconds);
    expect(a.dataset.items).toEqual(b.dataset.items);
    expect(new Set(a.dataset.items.map((i) => i.source))).toEqual(new Set([`${FOLDER}applicants-001.csv`, `${FOLDER}applicants-002.csv`]));
    expect(features(a.dataset)).toEqual(features(b.dataset));
  });

  it('preprocess keeps and drops the same rows, with the same records, matrix and log', () => {
    const ws = workspace();
    const s = step('preprocess.py', ['raw']);
    const columnar = run(ws, s, [rawInput(ws)]);
    const items = run(ws, s, [{ ...rawInput(ws), artifact: asItems(rawInput(ws).artifact) }]);
    const a = datasetOf(columnar.result);
    const b = datasetOf(items.result);
    expect(viewOf(a.dataset)?.kind).toBe('clean');
    expect(columnar.logs).toEqual(items.logs);
    expect(columnar.logs[0]).toMatch(/^kept \d+ of 800 rows; dropped [1-9]\d* /);
    expect(a.bytes).toBe(b.bytes);
    expect(columnar.result.seconds).toBe(items.result.seconds);
    expect(a.dataset.items).toEqual(b.dataset.items);
    expect(features(a.dataset)).toEqual(features(b.dataset));
  });

  it('postprocess joins the same labels (a later blob wins a repeated id) and bands the same way', () => {
    const ws = workspace();
    const clean = datasetOf(run(ws, step('preprocess.py', ['raw']), [rawInput(ws)]).result);
    // Stand-in scores: every clean row, scored by its position, so bands and labels are all exercised.
    const rows = clean.dataset.items.map((item, i) => ({ id: item.id, score: (i % 97) / 97, label: i % 2 }));
    const fresh = datasetOf(run(ws, step('preprocess.py', ['raw']), [rawInput(ws)]).result);
    const s = step('postprocess.py', ['scores', 'clean'], { band_thresholds: [0.15, 0.2887, 0.5] });
    const scores: ScriptInput = { name: 'scores', artifact: { kind: 'scores', rows } };
    // `fresh` has no items yet: its labels come from the view; `clean`'s come from its items.
    const fromView = run(ws, s, [scores, { name: 'clean', artifact: { kind: 'dataset', ...fresh } }]);
    expect(itemsIfMade(fresh.dataset)).toBeUndefined();
    const fromItems = run(ws, s, [scores, { name: 'clean', artifact: asItems({ kind: 'dataset', ...clean }) }]);
    expect(fromView.logs).toEqual(fromItems.logs);
    const [a, b] = [fromView.result.produced[0]!, fromItems.result.produced[0]!];
    expect(a.kind === 'risk_bands' && a.bands.every((band) => band.observedDefaultRate !== null)).toBe(true);
    expect(a).toEqual(b);
    expect(a.kind === 'risk_bands' && a.rows).toEqual(b.kind === 'risk_bands' && b.rows);
  });
});
