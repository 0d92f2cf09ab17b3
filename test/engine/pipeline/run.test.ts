// runPipeline on the chapter pipeline: real scoring, real aggregation, files
// written, per-step compute and start-up, and the run-time face of each
// misconfiguration when validation is skipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chapterPipeline,
  createWorkspace,
  CREDIT_RISK_FEATURE_NAMES,
  DEFAULT_BAND_THRESHOLDS,
  PipelineValidationError,
  readArtifact,
  readFeatureRow,
  runPipeline,
  scoreLogisticReference,
  type Artifact,
  type CreditRiskModelMetadata,
  type PipelineRun,
  type Workspace,
} from '@/engine/index';
import { pipelineOf, py, smallWorkspace, statuses, step } from './helpers';

const meta = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/models/credit-risk.json'), 'utf8')) as CreditRiskModelMetadata;
const reference = { featureNames: meta.features, mean: meta.standardization.mean, std: meta.standardization.std, weights: meta.weights, bias: meta.bias, threshold: meta.threshold };

function artifact<K extends Artifact['kind']>(ws: Workspace, run: PipelineRun, stepName: string, output: string, kind: K): Extract<Artifact, { kind: K }> {
  const found = readArtifact(ws, step(run, stepName).outputs[output]!.id);
  expect(found?.kind).toBe(kind);
  return found as Extract<Artifact, { kind: K }>;
}

describe('the chapter pipeline, run end to end', () => {
  let ws: Workspace;
  let run: PipelineRun;
  beforeAll(async () => {
    ws = smallWorkspace();
    run = await runPipeline(ws, chapterPipeline());
  });

  it('completes every step in dependency order, on the default cpu-cluster', () => {
    expect(run.status).toBe('Completed');
    expect(run.steps.map((s) => [s.name, s.status, s.compute])).toEqual([
      ['ingest', 'Completed', 'cpu-cluster'],
      ['preprocess', 'Completed', 'cpu-cluster'],
      ['score', 'Completed', 'cpu-cluster'],
      ['postprocess', 'Completed', 'cpu-cluster'],
      ['write-output', 'Completed', 'cpu-cluster'],
    ]);
    for (let i = 1; i < run.steps.length; i++) expect(run.steps[i]!.start).toBeGreaterThanOrEqual(run.steps[i - 1]!.end);
    expect(run.durationSeconds).toBe(step(run, 'write-output').end);
    expect(run.costUsd).toBeCloseTo(run.steps.reduce((sum, s) => sum + s.costUsd, 0), 6);
    for (const s of run.steps) expect(s.costUsd).toBeGreaterThan(0);
  });

  it('ingests both sample blobs and drops the corrupted rows in preprocess', () => {
    const raw = artifact(ws, run, 'ingest', 'raw_data', 'dataset');
    const clean = artifact(ws, run, 'preprocess', 'clean_data', 'dataset');
    expect(raw.dataset.items).toHaveLength(300);
    expect(clean.dataset.items.length).toBeLessThan(300);
    const ids = new Set(raw.dataset.items.map((i) => i.id));
    expect(clean.dataset.items.every((i) => ids.has(i.id))).toBe(true);
  });

  it('scores the preprocessed rows with the real ONNX model through the ParallelRunStep engine', () => {
    const clean = artifact(ws, run, 'preprocess', 'clean_data', 'dataset');
    const scores = artifact(ws, run, 'score', 'scores', 'scores');
    const prs = step(run, 'score').parallelRun!;
    expect(prs.status).toBe('Completed');
    expect(prs.counts.items).toBe(clean.dataset.items.length);
    expect(prs.settings.nodeCount).toBe(2);
    expect(scores.rows.map((r) => r.id)).toEqual(clean.dataset.items.map((i) => i.id));
    const features = new Float32Array(clean.dataset.items.length * CREDIT_RISK_FEATURE_NAMES.length);
    clean.dataset.items.forEach((item, i) => readFeatureRow(item, CREDIT_RISK_FEATURE_NAMES, features, i * CREDIT_RISK_FEATURE_NAMES.length));
    const expected = scoreLogisticReference(reference, features);
    scores.rows.forEach((row, i) => {
      expect(row.score).toBeCloseTo(expected[i]!, 5);
      // v2 ('latest') keeps the model's tuned threshold.
      expect(row.label).toBe(row.score >= meta.threshold ? 1 : 0);
    });
  });

  it('post-processing really aggregates the scored rows into risk bands', () => {
    const scores = artifact(ws, run, 'score', 'scores', 'scores');
    const { bands, rows } = artifact(ws, run, 'postprocess', 'risk_bands', 'risk_bands');
    expect(bands.map((b) => b.band)).toEqual(['low', 'medium', 'high', 'very_high']);
    const cuts = [0, ...DEFAULT_BAND_THRESHOLDS, Infinity];
    bands.forEach((band, i) => {
      const inBand = scores.rows.filter((r) => r.score >= cuts[i]! && r.score < cuts[i + 1]!);
      expect(band.count).toBe(inBand.length);
      if (inBand.length > 0) expect(band.meanScore).toBeCloseTo(inBand.reduce((s, r) => s + r.score, 0) / inBand.length, 3);
    });
    expect(bands.reduce((s, b) => s + b.count, 0)).toBe(scores.rows.length);
    expect(rows.filter((r) => r.band === 'very_high').every((r) => r.score >= 0.5)).toBe(true);
    // Labels from the clean data are joined in: riskier bands default more often.
    const rates = bands.map((b) => b.observedDefaultRate ?? 0);
    expect(rates[3]!).toBeGreaterThan(rates[0]!);
  });

  it('writes the results into the datastore under the run id', () => {
    const written = step(run, 'write-output').written;
    expect(written.map((w) => w.path)).toEqual([
      `credit-risk/scored/${run.id}/risk_bands.csv`,
      `credit-risk/scored/${run.id}/scored_applicants.csv`,
    ]);
    const store = ws.datastores.workspaceblobstore!;
    const bands = store.blobs[written[0]!.path]!.content!.trim().split('\n');
    expect(bands[0]).toBe('band,from,to,count,share,mean_score,observed_default_rate');
    expect(bands).toHaveLength(5);
    const scored = store.blobs[written[1]!.path]!.content!.trim().split('\n');
    expect(scored).toHaveLength(step(run, 'score').outputs.scores!.rows + 1);
    expect(store.blobs[written[1]!.path]!.modified > run.submittedAt).toBe(true);
  });

  it('pays cluster start-up once: later steps find the cluster warm', () => {
    expect(step(run, 'ingest').startupSeconds).toBeGreaterThan(200);
    expect(step(run, 'preprocess').startupSeconds).toBe(0);
    // score needs 2 nodes but only 1 is warm, so its job starts nodes as usual.
    expect(step(run, 'score').startupSeconds).toBeGreaterThan(200);
    expect(step(run, 'postprocess').startupSeconds).toBe(0);
    expect(step(run, 'ingest').history.map((h) => h.status)).toEqual(['NotStarted', 'Queued', 'Running', 'Completed']);
  });
});

describe('parameters and compute per run', () => {
  it('node_count and model_version overrides reach the scoring step; version 1 labels at 0.5', async () => {
    const ws = smallWorkspace();
    const run = await runPipeline(ws, chapterPipeline(), { parameters: { node_count: 1, model_version: '1' } });
    const score = step(run, 'score');
    expect(run.parameters).toMatchObject({ node_count: 1, model_version: '1' });
    expect(score.parallelRun!.settings.nodeCount).toBe(1);
    // One node, already warm from preprocess: no start-up at all.
    expect(score.startupSeconds).toBe(0);
    expect(score.warmStartSavedSeconds).toBeGreaterThan(0);
    const rows = (readArtifact(ws, score.outputs.scores!.id) as Extract<Artifact, { kind: 'scores' }>).rows;
    expect(rows.some((r) => r.score >= meta.threshold && r.score < 0.5)).toBe(true);
    for (const r of rows) expect(r.label).toBe(r.score >= 0.5 ? 1 : 0);
  });

  it('a GPU-only model runs when the scoring step moves to gpu-cluster', async () => {
    const ws = smallWorkspace();
    const pipeline = chapterPipeline();
    const score = pipeline.steps.find((s) => s.name === 'score')!;
    score.model = { name: 'credit-risk-dnn', version: 'latest' };
    score.compute = 'gpu-cluster';
    const run = await runPipeline(ws, pipeline);
    expect(run.status).toBe('Completed');
    expect(step(run, 'score').vmSize).toBe('Standard_NC6s_v3');
    expect(step(run, 'score').parallelRun!.counts.itemsSucceeded).toBe(step(run, 'preprocess').outputs.clean_data!.rows);
  });

  it('a node idle longer than idle_seconds_before_scaledown is gone: the step pays start-up again', async () => {
    const pipeline = pipelineOf([
      py('first', [], ['a'], { seconds: 60 }),
      py('long-gpu', ['a'], ['b'], { seconds: 900, compute: 'gpu-cluster' }),
      py('last', ['b'], [], { seconds: 60 }),
    ]);
    const keep = await runPipeline(createWorkspace({ sampleRows: 5 }), pipeline);
    const short = await runPipeline(createWorkspace({ sampleRows: 5, computes: [{ name: 'cpu-cluster', idle_seconds_before_scaledown: 120 }] }), pipeline);
    expect(step(keep, 'last').startupSeconds).toBe(0);
    expect(step(short, 'last').startupSeconds).toBeGreaterThan(0);
    expect(step(short, 'last').costUsd).toBeGreaterThan(step(keep, 'last').costUsd);
  });

  it('rejects an invalid pipeline with every validation error', async () => {
    const ws = smallWorkspace();
    const error = await runPipeline(ws, chapterPipeline(), { parameters: { node_count: 9, model_version: '8' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineValidationError);
    expect((error as PipelineValidationError).errors.map((e) => e.code).sort()).toEqual(['model_not_found', 'node_count_exceeds_max']);
    expect(ws.runCount).toBe(0);
  });
});

describe('misconfigurations fail at run time when validation is skipped', () => {
  const graphOnly = { validation: 'graph' as const };

  it('missing package: the scoring job fails in init() with ModuleNotFoundError', async () => {
    const pipeline = chapterPipeline();
    pipeline.steps.find((s) => s.name === 'score')!.environment = 'basic-env';
    const ws = smallWorkspace();
    await expect(runPipeline(ws, pipeline)).rejects.toThrow(/missing_package/);
    const run = await runPipeline(ws, pipeline, graphOnly);
    expect(statuses(run)).toEqual({ ingest: 'Completed', preprocess: 'Completed', score: 'Failed', postprocess: 'Canceled', 'write-output': 'Canceled' });
    expect(step(run, 'score').error).toContain("No module named 'onnxruntime'");
    expect(step(run, 'score').parallelRun!.failure).toEqual({ kind: 'system', rule: 'init_per_node' });
    expect(run.status).toBe('Failed');
  });

  it('GPU model on a CPU cluster: init() fails on every node', async () => {
    const pipeline = chapterPipeline();
    pipeline.steps.find((s) => s.name === 'score')!.model = { name: 'credit-risk-dnn', version: 1 };
    const run = await runPipeline(smallWorkspace(), pipeline, graphOnly);
    expect(step(run, 'score').status).toBe('Failed');
    expect(step(run, 'score').error).toMatch(/requires a GPU/);
  });

  it('no read permission: ingest fails with an authorization error and nothing else runs', async () => {
    const run = await runPipeline(smallWorkspace(), chapterPipeline(), { ...graphOnly, parameters: { input_path: 'partnerblobstore/credit-risk/applicants/' } });
    expect(step(run, 'ingest').status).toBe('Failed');
    expect(step(run, 'ingest').error).toMatch(/^AuthorizationPermissionMismatch/);
    expect(run.steps.slice(1).every((s) => s.status === 'Canceled' && s.costUsd === 0)).toBe(true);
  });

  it('model version not found: the scoring step fails loading the model', async () => {
    const run = await runPipeline(smallWorkspace(), chapterPipeline(), { ...graphOnly, parameters: { model_version: '5' } });
    expect(step(run, 'score').status).toBe('Failed');
    expect(step(run, 'score').error).toMatch(/ModelNotFoundException: model credit-risk version 5/);
  });

  it('structural errors still block a graph-only submission', async () => {
    const pipeline = pipelineOf([py('aa', [], [])]);
    await expect(runPipeline(smallWorkspace(), pipeline, graphOnly)).rejects.toThrow(/invalid_step_name/);
  });
});

describe('model bytes', () => {
  it('a workspace made without model bytes validates, but scoring fails at init()', async () => {
    const ws = createWorkspace({ sampleRows: 20 });
    const run = await runPipeline(ws, chapterPipeline());
    expect(step(run, 'score').error).toMatch(/no model file/);
  });
});
