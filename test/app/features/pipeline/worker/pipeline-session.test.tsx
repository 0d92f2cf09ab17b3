// The pipeline worker's session, run in Node with the real engine: the views
// it sends the page, reuse across runs, the datastore gotcha, validation,
// publishing and reset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineSession } from '@/app/_features/pipeline/worker/pipeline-session';
import type { PipelineEdits, PipelineResponse, RunView } from '@/app/_features/pipeline/model/protocol';
import { chapterPipeline } from '@/engine/index';

const modelBytes = new Uint8Array(readFileSync(join(process.cwd(), 'public', 'models', 'credit-risk.onnx')));
const session = () => new PipelineSession({ loadModel: async () => modelBytes, workspace: { sampleRows: 150 } });

const DEFAULTS: Record<string, string> = Object.fromEntries(Object.entries(chapterPipeline().parameters ?? {}).map(([k, v]) => [k, String(v.default)]));
const edits = (patch: Partial<PipelineEdits> = {}, params: Record<string, string> = {}): PipelineEdits => ({
  parameters: { ...DEFAULTS, ...params },
  allowReuse: {},
  regenerateOutputs: false,
  fault: 'none',
  ...patch,
});

function ran(response: PipelineResponse): RunView {
  if (response.type !== 'ran') throw new Error(`expected a run, got ${JSON.stringify(response).slice(0, 400)}`);
  return response.run;
}
const statuses = (run: RunView) => Object.fromEntries(run.steps.map((s) => [s.name, s.status]));

describe('PipelineSession', () => {
  it('describes the chapter pipeline: steps in dependency order, computes, parameters', async () => {
    const response = await session().handle({ type: 'init' });
    if (response.type !== 'ready') throw new Error(response.type);
    const { definition, errors } = response;
    expect(errors).toEqual([]);
    expect(definition.steps.map((s) => s.name)).toEqual(['ingest', 'preprocess', 'score', 'postprocess', 'write-output']);
    const score = definition.steps.find((s) => s.name === 'score')!;
    expect(score).toMatchObject({ type: 'parallel_run', compute: 'cpu-cluster', vmSize: 'Standard_DS3_v2', dependsOn: ['preprocess'] });
    expect(score.parameterRefs.sort()).toEqual(['mini_batch_size', 'model_version', 'node_count']);
    expect(definition.steps.find((s) => s.name === 'postprocess')!.dependsOn.sort()).toEqual(['preprocess', 'score']);
    expect(definition.steps[0]!.inputs).toEqual([{ name: '{input_path}' }]);
    expect(definition.parameters.map((p) => p.name)).toEqual(['input_path', 'model_version', 'node_count', 'mini_batch_size']);
    expect(definition.blobPaths).toContain('workspaceblobstore/credit-risk/applicants/applicants-001.csv');
  });

  it('reuses every step on an unchanged second run, and re-runs from the step whose parameter changed', async () => {
    const s = session();
    const first = ran(await s.handle({ type: 'run', edits: edits() }));
    expect(Object.values(statuses(first))).toEqual(Array(5).fill('Completed'));
    expect(first.steps[0]!.history.map((h) => h.status)).toEqual(['NotStarted', 'Queued', 'Running', 'Completed']);
    expect(first.costUsd).toBeGreaterThan(0);

    const second = ran(await s.handle({ type: 'run', edits: edits() }));
    expect(Object.values(statuses(second))).toEqual(Array(5).fill('Reused'));
    expect(second.steps[2]!.reusedFrom).toEqual({ runId: first.id, stepRunId: `${first.id}_score` });
    expect(second.steps.map((st) => st.reuseKey)).toEqual(first.steps.map((st) => st.reuseKey));

    const third = ran(await s.handle({ type: 'run', edits: edits({}, { node_count: '3' }) }));
    expect(statuses(third)).toEqual({ ingest: 'Reused', preprocess: 'Reused', score: 'Completed', postprocess: 'Completed', 'write-output': 'Completed' });
    expect(third.parameters.node_count).toBe(3);
  });

  it('keeps reusing after the blob under the same path is rewritten, until allow_reuse is cleared', async () => {
    const s = session();
    ran(await s.handle({ type: 'run', edits: edits() }));
    const changed = await s.handle({ type: 'change-data', edits: edits() });
    if (changed.type !== 'data-changed') throw new Error(changed.type);
    expect(changed.change).toMatchObject({ datastore: 'workspaceblobstore', path: 'credit-risk/applicants/applicants-001.csv', version: 1 });

    const stale = ran(await s.handle({ type: 'run', edits: edits() }));
    expect(statuses(stale).ingest).toBe('Reused');

    const fresh = ran(await s.handle({ type: 'run', edits: edits({ allowReuse: { ingest: false } }) }));
    expect(statuses(fresh)).toEqual({ ingest: 'Completed', preprocess: 'Completed', score: 'Completed', postprocess: 'Completed', 'write-output': 'Completed' });
  });

  it("returns the engine's validation, and refuses to run an invalid pipeline", async () => {
    const s = session();
    const validated = await s.handle({ type: 'validate', edits: edits({}, { node_count: 'two' }) });
    expect(validated).toMatchObject({ type: 'validated', errors: [{ code: 'invalid_parameter_value' }] });
    const refused = await s.handle({ type: 'run', edits: edits({}, { node_count: '9' }) });
    expect(refused).toMatchObject({ type: 'invalid', errors: [{ code: 'node_count_exceeds_max', step: 'score' }] });
  });

  it('publishes under a chosen id, and a reset forgets earlier runs', async () => {
    const s = session();
    const published = await s.handle({ type: 'publish', edits: edits(), id: 'credit-risk-batch' });
    expect(published).toMatchObject({ type: 'published', published: { id: 'credit-risk-batch', endpoint: '/api/pipelines/credit-risk-batch/runs' } });
    ran(await s.handle({ type: 'run', edits: edits() }));
    await s.handle({ type: 'reset' });
    const after = ran(await s.handle({ type: 'run', edits: edits() }));
    expect(after.id).toBe('run-0001');
    expect(Object.values(statuses(after))).toEqual(Array(5).fill('Completed'));
  });

  it('stamps runs, publishing and data rewrites with the real time it is given, like the server route', async () => {
    let now = '2026-12-07T10:00:00.000Z';
    const s = new PipelineSession({ loadModel: async () => modelBytes, workspace: { sampleRows: 150 }, now: () => now });
    now = '2026-12-07T10:05:00.400Z';
    const first = ran(await s.handle({ type: 'run', edits: edits() }));
    expect(first.submittedAt).toBe('2026-12-07T10:05:00Z');
    expect(first.durationSeconds).toBeGreaterThan(60);
    // Submitted a minute later in real time, though the first run's virtual end is further on.
    now = '2026-12-07T10:06:00.000Z';
    const second = ran(await s.handle({ type: 'run', edits: edits() }));
    expect(second.submittedAt).toBe('2026-12-07T10:06:00Z');
    now = '2026-12-08T09:00:00.000Z';
    const published = await s.handle({ type: 'publish', edits: edits(), id: 'credit-risk-batch' });
    expect(published).toMatchObject({ type: 'published', published: { published: '2026-12-08T09:00:00Z' } });
    const changed = await s.handle({ type: 'change-data', edits: edits() });
    expect(changed).toMatchObject({ type: 'data-changed', change: { modified: '2026-12-08T09:00:01Z' } });
  });

  it('uses the real clock by default, not a fixed date', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const run = ran(await session().handle({ type: 'run', edits: edits() }));
    expect(Date.parse(run.submittedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(run.submittedAt)).toBeLessThanOrEqual(Date.now());
  });
});

describe('PipelineSession: run-time faults', () => {
  it('missing package: score fails in init(), the steps after it are Canceled, and the next clean run reuses what completed', async () => {
    const s = session();
    const validated = await s.handle({ type: 'validate', edits: edits({ fault: 'missing-package' }) });
    // The fault is what the learner asked for: it is not a form error, it shows at run time.
    expect(validated).toEqual({ type: 'validated', errors: [] });
    const failed = ran(await s.handle({ type: 'run', edits: edits({ fault: 'missing-package' }) }));
    expect(failed.status).toBe('Failed');
    expect(statuses(failed)).toEqual({ ingest: 'Completed', preprocess: 'Completed', score: 'Failed', postprocess: 'Canceled', 'write-output': 'Canceled' });
    const score = failed.steps.find((st) => st.name === 'score')!;
    expect(score.error).toMatch(/No module named 'onnxruntime'/);
    expect(score.history.map((h) => h.status)).toEqual(['NotStarted', 'Queued', 'Running', 'Failed']);
    expect(failed.steps.find((st) => st.name === 'postprocess')!.history.map((h) => h.status)).toEqual(['NotStarted', 'Canceled']);

    const clean = ran(await s.handle({ type: 'run', edits: edits() }));
    expect(statuses(clean)).toEqual({ ingest: 'Reused', preprocess: 'Reused', score: 'Completed', postprocess: 'Completed', 'write-output': 'Completed' });
  });

  it('GPU model on CPU compute: score fails at run time with the CUDA message', async () => {
    const failed = ran(await session().handle({ type: 'run', edits: edits({ fault: 'gpu-model' }) }));
    expect(statuses(failed).score).toBe('Failed');
    expect(failed.steps.find((st) => st.name === 'score')!.error).toMatch(/GPU/);
  });

  it('unchecked: a model_version that the full check refuses is submitted and fails loading the model', async () => {
    const s = session();
    expect(await s.handle({ type: 'run', edits: edits({}, { model_version: '5' }) })).toMatchObject({ type: 'invalid', errors: [{ code: 'model_not_found' }] });
    const failed = ran(await s.handle({ type: 'run', edits: edits({ fault: 'unchecked' }, { model_version: '5' }) }));
    expect(statuses(failed)).toMatchObject({ score: 'Failed', postprocess: 'Canceled', 'write-output': 'Canceled' });
    expect(failed.steps.find((st) => st.name === 'score')!.error).toMatch(/ModelNotFoundException: model credit-risk version 5/);
    // Structural problems still block, fault or not.
    expect(await s.handle({ type: 'run', edits: edits({ fault: 'unchecked' }, { node_count: 'two' }) })).toMatchObject({ type: 'invalid' });
  });
});
