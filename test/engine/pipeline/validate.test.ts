// validatePipeline: one case per error code, with the step it names and a
// message that tells the learner what to change.
import { describe, expect, it } from 'vitest';
import {
  chapterPipeline,
  setDatastoreReadAccess,
  validatePipeline,
  type Pipeline,
  type PipelineError,
  type PipelineStep,
  type Workspace,
} from '@/engine/index';
import { bareWorkspace, pipelineOf, py } from './helpers';

const ws: Workspace = bareWorkspace();

function chapterWith(edit: (p: Pipeline, byName: (n: string) => PipelineStep) => void): Pipeline {
  const pipeline = chapterPipeline();
  edit(pipeline, (name) => pipeline.steps.find((s) => s.name === name)!);
  return pipeline;
}

const codes = (errors: PipelineError[]) => errors.map((e) => e.code);

function only(errors: PipelineError[], code: PipelineError['code']): PipelineError {
  expect(codes(errors)).toEqual([code]);
  return errors[0]!;
}

describe('validatePipeline', () => {
  it('accepts the chapter pipeline in the default workspace', () => {
    expect(validatePipeline(ws, chapterPipeline())).toEqual([]);
  });

  it('cycle: names the steps in data-flow order', () => {
    const pipeline = pipelineOf([py('first', ['b-out'], ['a-out']), py('second', ['a-out'], ['b-out']), py('third', [], ['c-out'])]);
    const error = only(validatePipeline(ws, pipeline), 'cycle');
    expect(error.message).toMatch(/first → second → first|second → first → second/);
    expect(error.message).toContain('DAG');
  });

  it('cycle: a step that consumes its own output', () => {
    expect(codes(validatePipeline(ws, pipelineOf([py('loop', ['x'], ['x'])])))).toEqual(['cycle']);
  });

  it('missing_input: neither produced by a step nor held by a datastore path', () => {
    const error = only(validatePipeline(ws, pipelineOf([py('reader', ['cleaned_dta'], [])])), 'missing_input');
    expect(error.step).toBe('reader');
    expect(error.message).toContain('cleaned_dta');
    const empty = only(validatePipeline(ws, pipelineOf([py('reader', ['workspaceblobstore/nothing-here/'], [])])), 'missing_input');
    expect(empty.message).toContain('holds no blob');
  });

  it('duplicate_step', () => {
    const error = only(validatePipeline(ws, pipelineOf([py('twice', [], ['a']), py('twice', [], ['b'])])), 'duplicate_step');
    expect(error.message).toMatch(/rename/);
  });

  it('invalid_step_name: 3–32 characters, lower case, letters/digits/hyphens, letter first, no trailing hyphen', () => {
    const bad = ['ab', 'Score', 'score_step', '1score', 'score-', 'a'.repeat(33), 'sc ore'];
    const good = ['abc', 'a'.repeat(32), 'score-v2', 'a1-b2'];
    for (const name of bad) {
      const error = only(validatePipeline(ws, pipelineOf([py(name, [], [])])), 'invalid_step_name');
      expect(error.step).toBe(name);
    }
    for (const name of good) expect(validatePipeline(ws, pipelineOf([py(name, [], [])]))).toEqual([]);
  });

  it('unknown_compute: an unknown cluster, or no compute at all', () => {
    const error = only(validatePipeline(ws, pipelineOf([py('train', [], [], { compute: 'tpu-cluster' })])), 'unknown_compute');
    expect(error.message).toContain('cpu-cluster');
    const none = only(validatePipeline(ws, { name: 'p', steps: [py('train', [], [])] }), 'unknown_compute');
    expect(none.message).toContain('default_compute');
  });

  it('node_count_exceeds_max: from the step or from a parameter override', () => {
    const error = only(validatePipeline(ws, chapterPipeline(), { parameters: { node_count: 5 } }), 'node_count_exceeds_max');
    expect(error.step).toBe('score');
    expect(error.message).toContain('max_nodes 4');
    expect(validatePipeline(ws, chapterPipeline(), { parameters: { node_count: 4 } })).toEqual([]);
  });

  it('missing_output: append_row without an output', () => {
    const pipeline = chapterWith((p, s) => {
      s('score').outputs = [];
      p.steps = p.steps.filter((x) => x.name !== 'postprocess' && x.name !== 'write-output');
    });
    const error = only(validatePipeline(ws, pipeline), 'missing_output');
    expect(error.message).toContain('summary_only');
    const summaryOnly = chapterWith((p, s) => {
      s('score').outputs = [];
      s('score').parallel_run_config!.output_action = 'summary_only';
      p.steps = p.steps.filter((x) => x.name !== 'postprocess' && x.name !== 'write-output');
    });
    expect(validatePipeline(ws, summaryOnly)).toEqual([]);
  });

  it('model_not_found: unknown version (listing the real ones) or unknown name', () => {
    const version = only(validatePipeline(ws, chapterPipeline(), { parameters: { model_version: '7' } }), 'model_not_found');
    expect(version.message).toContain("'latest' or one of 1, 2");
    const name = only(validatePipeline(ws, chapterWith((_, s) => (s('score').model = { name: 'fraud', version: 1 }))), 'model_not_found');
    expect(name.message).toContain('credit-risk');
    expect(validatePipeline(ws, chapterPipeline(), { parameters: { model_version: '1' } })).toEqual([]);
  });

  it('gpu_required: a GPU-only model on a CPU cluster, fixed by moving the step to gpu-cluster', () => {
    const onCpu = chapterWith((_, s) => (s('score').model = { name: 'credit-risk-dnn', version: 'latest' }));
    const error = only(validatePipeline(ws, onCpu), 'gpu_required');
    expect(error.message).toContain('gpu-cluster');
    const onGpu = chapterWith((_, s) => {
      s('score').model = { name: 'credit-risk-dnn', version: 'latest' };
      s('score').compute = 'gpu-cluster';
    });
    // gpu-cluster has max_nodes 2, so the default node_count of 2 still fits.
    expect(validatePipeline(ws, onGpu)).toEqual([]);
  });

  it('missing_package: the script imports what its environment lacks', () => {
    const error = only(validatePipeline(ws, chapterWith((_, s) => (s('score').environment = 'basic-env'))), 'missing_package');
    expect(error.step).toBe('score');
    expect(error.message).toContain('onnxruntime');
    expect(error.message).toContain('scoring-env');
    // A step with no environment gets the workspace default (basic-env).
    const defaulted = chapterWith((_, s) => delete s('score').environment);
    expect(codes(validatePipeline(ws, defaulted))).toEqual(['missing_package']);
  });

  it('unknown_environment', () => {
    expect(codes(validatePipeline(ws, pipelineOf([py('setup', [], [], { environment: 'tf-env' })])))).toEqual(['unknown_environment']);
  });

  it('datastore_access: the input lives on a datastore the compute may not read', () => {
    const error = only(validatePipeline(ws, chapterPipeline(), { parameters: { input_path: 'partnerblobstore/credit-risk/applicants/' } }), 'datastore_access');
    expect(error.step).toBe('ingest');
    expect(error.message).toMatch(/read permission/);
    const locked = bareWorkspace();
    setDatastoreReadAccess(locked, 'workspaceblobstore', false);
    expect(codes(validatePipeline(locked, chapterPipeline()))).toEqual(['datastore_access']);
  });

  it('unknown_parameter: an undeclared {reference} or an override nobody declared', () => {
    const ref = only(validatePipeline(ws, chapterWith((_, s) => (s('ingest').inputs = ['{input_folder}']))), 'unknown_parameter');
    expect(ref.step).toBe('ingest');
    expect(ref.message).toContain('input_path');
    const override = only(validatePipeline(ws, chapterPipeline(), { parameters: { nodes: 2 } }), 'unknown_parameter');
    expect(override.message).toContain('node_count');
  });

  it('invalid_parameter_value: an override of the wrong type', () => {
    const error = only(validatePipeline(ws, chapterPipeline(), { parameters: { node_count: 'two' } }), 'invalid_parameter_value');
    expect(error.message).toContain('an integer');
  });

  it('{run-id} is a built-in placeholder, not an unknown parameter', () => {
    const pipeline = pipelineOf([py('writer', [], [], { arguments: { output_path: 'workspaceblobstore/out/{run-id}/' } })]);
    expect(validatePipeline(ws, pipeline)).toEqual([]);
  });

  it('invalid_parallel_run_config: the ParallelRunConfig checks, one error per problem', () => {
    const pipeline = chapterWith((_, s) => {
      const config = s('score').parallel_run_config!;
      delete config.error_threshold;
      config.retry_count = 3;
    });
    const errors = validatePipeline(ws, pipeline, { parameters: { mini_batch_size: 'lots' } });
    expect(codes(errors)).toEqual(['invalid_parallel_run_config', 'invalid_parallel_run_config', 'invalid_parallel_run_config']);
    const text = errors.map((e) => e.message).join('\n');
    expect(text).toContain('error_threshold is required');
    expect(text).toContain('mini_batch_size is "lots"');
    expect(text).toContain('run_max_try');
  });

  it('duplicate_output and malformed steps are reported, not thrown', () => {
    expect(codes(validatePipeline(ws, pipelineOf([py('maker', [], ['x']), py('other', [], ['x'])])))).toEqual(['duplicate_output']);
    const broken = { name: 'p', default_compute: 'cpu-cluster', steps: [{ name: 'odd', type: 'bash', inputs: [], outputs: [] }] } as unknown as Pipeline;
    expect(codes(validatePipeline(ws, broken))).toEqual(['invalid_step']);
    expect(codes(validatePipeline(ws, { name: 'p' } as unknown as Pipeline))).toEqual(['invalid_step']);
  });

  it('collects every problem at once', () => {
    const pipeline = chapterWith((p, s) => {
      s('score').environment = 'basic-env';
      s('score').compute = 'nowhere';
      p.steps.push(py('Bad_Name', [], []));
    });
    expect(codes(validatePipeline(ws, pipeline)).sort()).toEqual(['invalid_step_name', 'missing_package', 'unknown_compute']);
  });
});
