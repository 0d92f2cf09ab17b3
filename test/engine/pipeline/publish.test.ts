// Publishing and invoking with PublishedPipeline REST bodies, good and bad.
import { describe, expect, it } from 'vitest';
import {
  chapterPipeline,
  invokePublishedPipeline,
  listPublishedPipelines,
  PipelineInvocationError,
  PipelineValidationError,
  publishPipeline,
  summarizeRun,
  type InvocationErrorCode,
} from '@/engine/index';
import { bareWorkspace, smallWorkspace, statuses, step } from './helpers';

async function rejection(promise: Promise<unknown>): Promise<PipelineInvocationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineInvocationError);
  return error as PipelineInvocationError;
}

describe('publishPipeline', () => {
  it('gives an id, a relative REST path and the parameters with types and defaults', () => {
    const ws = bareWorkspace();
    const published = publishPipeline(ws, chapterPipeline());
    expect(published.id).toBe('credit-risk-batch-scoring-1');
    expect(published.endpoint).toBe('/api/pipelines/credit-risk-batch-scoring-1/runs');
    expect(published.parameters.map(({ name, type, default: d }) => ({ name, type, default: d }))).toEqual([
      { name: 'input_path', type: 'string', default: 'workspaceblobstore/credit-risk/applicants/' },
      { name: 'model_version', type: 'string', default: 'latest' },
      { name: 'node_count', type: 'int', default: 2 },
      { name: 'mini_batch_size', type: 'string', default: '16KB' },
    ]);
    expect(ws.published[published.id]).toBe(published);
    expect(publishPipeline(ws, chapterPipeline()).id).toBe('credit-risk-batch-scoring-2');
    expect(listPublishedPipelines(ws).map((p) => p.id)).toEqual(['credit-risk-batch-scoring-1', 'credit-risk-batch-scoring-2']);
    expect(listPublishedPipelines(ws)[0]).not.toHaveProperty('pipeline');
  });

  it('stores a snapshot: later edits to the pipeline object do not change what was published', () => {
    const ws = bareWorkspace();
    const pipeline = chapterPipeline();
    const published = publishPipeline(ws, pipeline, { id: 'credit-risk-batch' });
    pipeline.steps[0]!.compute = 'nowhere';
    expect(published.pipeline.steps[0]!.compute).toBeUndefined();
  });

  it('refuses an invalid pipeline or a malformed id', () => {
    const ws = bareWorkspace();
    const broken = chapterPipeline();
    broken.default_compute = 'nowhere';
    expect(() => publishPipeline(ws, broken)).toThrow(PipelineValidationError);
    expect(() => publishPipeline(ws, chapterPipeline(), { id: 'Bad Id' })).toThrow(/lower-case/);
    expect(ws.published).toEqual({});
  });
});

describe('invokePublishedPipeline', () => {
  it('runs with ParameterAssignments and returns the run, tagged with the request fields', async () => {
    const ws = smallWorkspace();
    const { id } = publishPipeline(ws, chapterPipeline(), { id: 'credit-risk-batch' });
    const run = await invokePublishedPipeline(ws, id, {
      ExperimentName: 'nightly-scoring',
      ParameterAssignments: { node_count: 1, model_version: '1' },
      Description: 'manual test',
      Tags: { team: 'risk' },
    });
    expect(run.status).toBe('Completed');
    expect(run.experiment).toBe('nightly-scoring');
    expect(run.tags).toEqual({ team: 'risk' });
    expect(run.description).toBe('manual test');
    expect(run.parameters.node_count).toBe(1);
    expect(step(run, 'score').parallelRun!.settings.nodeCount).toBe(1);
    // A second identical call is served from reuse.
    const again = await invokePublishedPipeline(ws, id, { ParameterAssignments: { node_count: 1, model_version: '1' } });
    expect(Object.values(statuses(again))).toEqual(Array(5).fill('Reused'));
    expect(again.experiment).toBe('credit-risk-batch-scoring');
    const summary = summarizeRun(ws, again);
    expect(summary.results?.riskBands).toHaveLength(4);
    expect(summary.results?.preview).toHaveLength(5);
    expect(summary.steps[2]).not.toHaveProperty('parallelRun');
  });

  it('an empty body runs with the defaults', async () => {
    const ws = smallWorkspace();
    const { id } = publishPipeline(ws, chapterPipeline());
    const run = await invokePublishedPipeline(ws, id, {});
    expect(run.parameters).toEqual({ input_path: 'workspaceblobstore/credit-risk/applicants/', model_version: 'latest', node_count: 2, mini_batch_size: '16KB' });
  });

  const bad: [string, unknown, InvocationErrorCode, RegExp][] = [
    ['unknown parameter', { ParameterAssignments: { nodes: 2 } }, 'unknown_parameter', /unknown parameter nodes; this pipeline takes input_path \(string\), model_version \(string\), node_count \(int\)/],
    ['string for an int', { ParameterAssignments: { node_count: '2' } }, 'invalid_parameter_value', /node_count must be an integer \(type int\), got string "2"/],
    ['fraction for an int', { ParameterAssignments: { node_count: 1.5 } }, 'invalid_parameter_value', /node_count must be an integer/],
    ['number for a string', { ParameterAssignments: { model_version: 2 } }, 'invalid_parameter_value', /model_version must be a string/],
    ['null value', { ParameterAssignments: { input_path: null } }, 'invalid_parameter_value', /input_path must be a string \(type string\), got null/],
    ['assignments not an object', { ParameterAssignments: [1, 2] }, 'invalid_body', /ParameterAssignments must be an object/],
    ['array body', [], 'invalid_body', /must be a JSON object/],
    ['null body', null, 'invalid_body', /must be a JSON object/],
    ['wrong case', { parameterAssignments: {} }, 'invalid_body', /did you mean ParameterAssignments\?/],
    ['unmodelled field', { DataPathAssignments: {} }, 'invalid_body', /does not model/],
    ['bad experiment name', { ExperimentName: 'my experiment!' }, 'invalid_body', /ExperimentName must be/],
    ['non-string tag', { Tags: { team: 7 } }, 'invalid_body', /tag team must be a string/],
    ['too many nodes', { ParameterAssignments: { node_count: 9 } }, 'invalid_run', /max_nodes 4/],
  ];

  it.each(bad)('rejects %s with a clear error', async (_label, body, code, message) => {
    const ws = bareWorkspace();
    const { id } = publishPipeline(ws, chapterPipeline());
    const error = await rejection(invokePublishedPipeline(ws, id, body));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.details.length).toBeGreaterThan(0);
    expect(ws.runCount).toBe(0);
  });

  it('reports every problem of one body', async () => {
    const ws = bareWorkspace();
    const { id } = publishPipeline(ws, chapterPipeline());
    const error = await rejection(invokePublishedPipeline(ws, id, { ParameterAssignments: { node_count: 'x', foo: 1 }, Extra: true }));
    expect(error.code).toBe('unknown_parameter');
    expect(error.details.map((d) => d.path).sort()).toEqual(['Extra', 'ParameterAssignments.foo', 'ParameterAssignments.node_count']);
  });

  it('rejects an unknown id, including names inherited from Object.prototype', async () => {
    const ws = bareWorkspace();
    publishPipeline(ws, chapterPipeline(), { id: 'credit-risk-batch' });
    for (const id of ['nope', 'constructor', '__proto__']) {
      const error = await rejection(invokePublishedPipeline(ws, id, {}));
      expect(error.code).toBe('not_found');
      expect(error.message).toContain('credit-risk-batch');
    }
  });
});
