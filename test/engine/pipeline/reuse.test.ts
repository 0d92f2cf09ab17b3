// allow_reuse: what makes a step Reused, what makes it run again, and the
// gotcha that new data under an unchanged datastore path goes unnoticed.
import { describe, expect, it } from 'vitest';
import {
  chapterPipeline,
  creditRiskRowsToCsv,
  generateCreditRiskRows,
  readArtifact,
  runPipeline,
  updateDatastoreBlob,
  type Pipeline,
  type PipelineRun,
  type PipelineStep,
  type Workspace,
} from '@/engine/index';
import { smallWorkspace, statuses, step } from './helpers';

const ALL_REUSED = { ingest: 'Reused', preprocess: 'Reused', score: 'Reused', postprocess: 'Reused', 'write-output': 'Reused' };
const FROM_SCORE = { ingest: 'Reused', preprocess: 'Reused', score: 'Completed', postprocess: 'Completed', 'write-output': 'Completed' };
const ALL_RAN = { ingest: 'Completed', preprocess: 'Completed', score: 'Completed', postprocess: 'Completed', 'write-output': 'Completed' };

/** A workspace that has already run the chapter pipeline once. */
async function primed(): Promise<{ ws: Workspace; first: PipelineRun }> {
  const ws = smallWorkspace();
  const first = await runPipeline(ws, chapterPipeline());
  expect(statuses(first)).toEqual(ALL_RAN);
  return { ws, first };
}

function edited(edit: (byName: (name: string) => PipelineStep, p: Pipeline) => void): Pipeline {
  const pipeline = chapterPipeline();
  edit((name) => pipeline.steps.find((s) => s.name === name)!, pipeline);
  return pipeline;
}

describe('reuse hits', () => {
  it('an unchanged pipeline is Reused step by step: no compute, no cost, the earlier outputs', async () => {
    const { ws, first } = await primed();
    const again = await runPipeline(ws, chapterPipeline());
    expect(statuses(again)).toEqual(ALL_REUSED);
    expect(again.costUsd).toBe(0);
    expect(again.durationSeconds).toBe(0);
    for (const s of again.steps) {
      expect(s.outputs).toEqual(step(first, s.name).outputs);
      expect(s.reusedFrom).toEqual({ runId: first.id, stepRunId: step(first, s.name).stepRunId });
      expect(s.history.map((h) => h.status)).toEqual(['NotStarted', 'Reused']);
    }
    // A reused write step writes nothing: the files are still those of the first run.
    expect(step(again, 'write-output').written).toEqual([]);
  });

  it('an explicit parameter equal to its default is no change', async () => {
    const { ws } = await primed();
    const again = await runPipeline(ws, chapterPipeline(), { parameters: { node_count: 2, model_version: 'latest' } });
    expect(statuses(again)).toEqual(ALL_REUSED);
  });
});

describe('reuse misses', () => {
  it('script: editing a step source re-runs it and, through new output identities, everything after it', async () => {
    const { ws } = await primed();
    const run = await runPipeline(ws, edited((s) => (s('preprocess').source += '\n# drop duplicates too')));
    expect(statuses(run)).toEqual({ ...ALL_RAN, ingest: 'Reused' });
  });

  it('config: a ParallelRunConfig change re-runs the scoring step and its dependants only', async () => {
    const { ws } = await primed();
    const run = await runPipeline(ws, edited((s) => (s('score').parallel_run_config!.run_max_try = 2)));
    expect(statuses(run)).toEqual(FROM_SCORE);
  });

  it('config: a different compute target is a different definition', async () => {
    const { ws } = await primed();
    const run = await runPipeline(ws, edited((s) => (s('postprocess').compute = 'lowpri-cluster')));
    expect(statuses(run)).toEqual({ ...ALL_REUSED, postprocess: 'Completed', 'write-output': 'Completed' });
    expect(step(run, 'postprocess').compute).toBe('lowpri-cluster');
  });

  it('environment: switching a step to another environment, or changing the packages of its own', async () => {
    const { ws } = await primed();
    ws.environments['scoring-env-v2'] = { name: 'scoring-env-v2', packages: [...ws.environments['scoring-env']!.packages] };
    const switched = await runPipeline(ws, edited((s) => (s('postprocess').environment = 'scoring-env-v2')));
    expect(statuses(switched)).toEqual({ ...ALL_REUSED, postprocess: 'Completed', 'write-output': 'Completed' });
    ws.environments['scoring-env']!.packages.push('scikit-learn');
    const rebuilt = await runPipeline(ws, chapterPipeline());
    expect(statuses(rebuilt)).toEqual(ALL_RAN);
  });

  it('parameter: a new value re-runs exactly the steps that use it', async () => {
    const { ws } = await primed();
    const version = await runPipeline(ws, chapterPipeline(), { parameters: { model_version: '1' } });
    expect(statuses(version)).toEqual(FROM_SCORE);
    const batch = await runPipeline(ws, chapterPipeline(), { parameters: { model_version: '1', mini_batch_size: '4KB' } });
    expect(statuses(batch)).toEqual(FROM_SCORE);
    expect(step(batch, 'score').parallelRun!.counts.miniBatches).toBeGreaterThan(step(version, 'score').parallelRun!.counts.miniBatches);
    // Going back to a value seen before hits the older run again.
    const back = await runPipeline(ws, chapterPipeline(), { parameters: { model_version: '1' } });
    expect(statuses(back)).toEqual(ALL_REUSED);
  });

  it('input identity: the same data under another path name is a new input', async () => {
    const { ws } = await primed();
    const store = ws.datastores.workspaceblobstore!;
    for (const [path, blob] of Object.entries(store.blobs)) {
      if (path.startsWith('credit-risk/applicants/')) store.blobs[path.replace('applicants/', 'applicants-copy/')] = { ...blob };
    }
    const run = await runPipeline(ws, chapterPipeline(), { parameters: { input_path: 'workspaceblobstore/credit-risk/applicants-copy/' } });
    expect(statuses(run)).toEqual(ALL_RAN);
    expect(step(run, 'ingest').outputs.raw_data!.rows).toBe(300);
  });

  it('allow_reuse: false on one step re-runs it every time, and what reads its new output', async () => {
    const { ws } = await primed();
    const pipeline = edited((s) => (s('score').allow_reuse = false));
    const run = await runPipeline(ws, pipeline);
    expect(statuses(run)).toEqual(FROM_SCORE);
    expect(statuses(await runPipeline(ws, pipeline))).toEqual(FROM_SCORE);
  });

  it('regenerate_outputs re-runs every step', async () => {
    const { ws, first } = await primed();
    const run = await runPipeline(ws, chapterPipeline(), { regenerate_outputs: true });
    expect(statuses(run)).toEqual(ALL_RAN);
    expect(step(run, 'ingest').outputs.raw_data!.id).not.toBe(step(first, 'ingest').outputs.raw_data!.id);
    // The fresh outputs are remembered: the next plain run reuses them.
    const next = await runPipeline(ws, chapterPipeline());
    expect(step(next, 'score').reusedFrom?.runId).toBe(run.id);
  });
});

describe('the datastore gotcha', () => {
  it('new data inside an unchanged path is NOT detected: the run reuses stale outputs until forced', async () => {
    const { ws, first } = await primed();
    const fresh = creditRiskRowsToCsv(generateCreditRiskRows(40, 999, { corruptShare: 0 }));
    const before = ws.datastores.workspaceblobstore!.blobs['credit-risk/applicants/applicants-001.csv']!.modified;
    const blob = updateDatastoreBlob(ws, 'workspaceblobstore', 'credit-risk/applicants/applicants-001.csv', fresh);
    expect(blob.modified > before).toBe(true);

    const stale = await runPipeline(ws, chapterPipeline());
    expect(statuses(stale)).toEqual(ALL_REUSED);
    expect(step(stale, 'ingest').outputs.raw_data).toEqual(step(first, 'ingest').outputs.raw_data);
    expect(step(stale, 'ingest').outputs.raw_data!.rows).toBe(300);

    const forced = await runPipeline(ws, chapterPipeline(), { regenerate_outputs: true });
    expect(step(forced, 'ingest').outputs.raw_data!.rows).toBe(150 + 40);
    const raw = readArtifact(ws, step(forced, 'ingest').outputs.raw_data!.id);
    expect(raw?.kind === 'dataset' && raw.dataset.items.filter((i) => i.source === 'credit-risk/applicants/applicants-001.csv').length).toBe(40);
  });

  it('likewise a new model version behind "latest" is not detected, while a pinned version change is', async () => {
    const { ws } = await primed();
    const latest = ws.models['credit-risk']!;
    latest.versions.push({ ...latest.versions[1]!, version: 3, threshold: 0.9 });
    const run = await runPipeline(ws, chapterPipeline());
    expect(step(run, 'score').status).toBe('Reused');
    const pinned = await runPipeline(ws, chapterPipeline(), { parameters: { model_version: '3' } });
    expect(step(pinned, 'score').status).toBe('Completed');
  });
});
