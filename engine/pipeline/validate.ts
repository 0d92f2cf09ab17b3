// validatePipeline: the pipeline.validate() analogue. Returns every problem at
// once (empty list = valid), each with a stable code, the step it concerns and
// a message that says how to fix it.
import type { Dataset } from '../types';
import { VM_SIZES } from '../parallel-run/compute';
import { validateParallelRunConfig } from '../parallel-run/validate-config';
import { listBlobs, parseDatastoreRef } from './datastore';
import { buildGraph } from './graph';
import { checkParameterValues, effectiveParameters, resolveStep } from './parameters';
import type { ParameterValue, Pipeline, PipelineError, PipelineErrorCode, PipelineStep, Workspace } from './types';
import { resolveModelVersion } from './workspace';

/** Codes Azure only meets at run time; runPipeline with validation 'graph' lets them through to fail there. */
export const RUNTIME_CHECK_CODES: readonly PipelineErrorCode[] = ['missing_package', 'gpu_required', 'datastore_access', 'model_not_found'];

export const STEP_NAME_PATTERN = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const STEP_TYPES = ['python_script', 'parallel_run'];
const TABULAR: Dataset = { kind: 'tabular', items: [] };

export interface ValidateOptions {
  /** Per-run parameter values to check and to validate the steps with. */
  parameters?: Record<string, unknown>;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function shapeProblem(step: unknown, index: number): PipelineError | null {
  const s = step as Partial<PipelineStep> | null;
  const label = typeof s?.name === 'string' ? s.name : `#${index + 1}`;
  const where = typeof s?.name === 'string' ? { step: s.name } : {};
  const fail = (what: string): PipelineError => ({ code: 'invalid_step', ...where, message: `Step ${label}: ${what}` });
  if (s === null || typeof s !== 'object') return fail('each step must be an object');
  if (typeof s.name !== 'string') return fail('give the step a name (a string)');
  if (!STEP_TYPES.includes(s.type as string)) return fail(`type is ${JSON.stringify(s.type)}; use 'python_script' or 'parallel_run'`);
  if (!isStringArray(s.inputs)) return fail('inputs must be a list of output names or datastore paths (use [] for none)');
  if (!isStringArray(s.outputs)) return fail('outputs must be a list of names (use [] for none)');
  if (s.imports !== undefined && !isStringArray(s.imports)) return fail('imports must be a list of package names');
  return null;
}

function nameProblems(steps: readonly PipelineStep[]): PipelineError[] {
  const errors: PipelineError[] = [];
  const seen = new Set<string>();
  for (const { name } of steps) {
    if (seen.has(name)) {
      errors.push({ code: 'duplicate_step', step: name, message: `Two steps are named ${name}; step names must be unique, so rename one of them` });
    }
    seen.add(name);
    if (name.length < 3 || name.length > 32 || !STEP_NAME_PATTERN.test(name)) {
      errors.push({ code: 'invalid_step_name', step: name, message: `Step name ${JSON.stringify(name)} is invalid: use 3 to 32 characters, lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen (e.g. "score-batch")` });
    }
  }
  const producers = new Map<string, string>();
  for (const step of steps) {
    for (const output of step.outputs) {
      const first = producers.get(output);
      if (first !== undefined && first !== step.name) {
        errors.push({ code: 'duplicate_output', step: step.name, message: `Output ${output} is already produced by step ${first}; give each output a unique name` });
      } else producers.set(output, step.name);
    }
  }
  return errors;
}

/** Every problem with the pipeline in this workspace; an empty list means it can run. */
export function validatePipeline(ws: Workspace, pipeline: Pipeline, options: ValidateOptions = {}): PipelineError[] {
  if (!pipeline || typeof pipeline !== 'object' || !Array.isArray(pipeline.steps)) {
    return [{ code: 'invalid_step', message: 'A pipeline needs a steps list: { name, steps: [...] }' }];
  }
  const errors: PipelineError[] = [];
  const steps: PipelineStep[] = [];
  pipeline.steps.forEach((step, i) => {
    const problem = shapeProblem(step, i);
    if (problem) errors.push(problem);
    else steps.push(step);
  });
  const parameterErrors = checkParameterValues(pipeline, options.parameters);
  errors.push(...parameterErrors);
  errors.push(...nameProblems(steps));
  const graph = buildGraph(steps);
  if (graph.cycle) {
    errors.push({ code: 'cycle', step: graph.cycle[0]!, message: `Steps form a cycle (${graph.cycle.join(' → ')}); a pipeline must be a DAG, so make one of these steps read a datastore path or an earlier output instead` });
  }
  const values = parameterErrors.length === 0 ? effectiveParameters(pipeline, options.parameters as Record<string, ParameterValue>) : effectiveParameters(pipeline);
  for (const step of steps) errors.push(...stepProblems(ws, pipeline, step, values, graph.producers));
  return errors;
}

function stepProblems(
  ws: Workspace,
  pipeline: Pipeline,
  raw: PipelineStep,
  values: Record<string, ParameterValue>,
  producers: Map<string, string>,
): PipelineError[] {
  const { value: step, unknown } = resolveStep(raw, values);
  const errors: PipelineError[] = [];
  const add = (code: PipelineErrorCode, message: string) => errors.push({ code, step: step.name, message });
  for (const name of unknown) {
    add('unknown_parameter', `Step ${step.name} refers to {${name}}, which is not a pipeline parameter; declare it under parameters with a default, or fix the name (declared: ${Object.keys(pipeline.parameters ?? {}).join(', ') || 'none'})`);
  }
  checkCompute(ws, pipeline, step, add);
  checkEnvironment(ws, step, add);
  checkModel(ws, pipeline, step, add);
  for (const input of step.inputs) if (!producers.has(input) && !input.includes('{')) checkDatastoreInput(ws, step, input, add);
  if (step.type === 'parallel_run') checkParallelRun(ws, pipeline, step, add);
  const outputPath = step.arguments?.output_path;
  if (typeof outputPath === 'string' && !outputPath.startsWith('{')) {
    const { datastore } = parseDatastoreRef(outputPath);
    if (!ws.datastores[datastore]) {
      add('unknown_datastore', `Step ${step.name} writes to datastore ${datastore}, which does not exist; use one of ${Object.keys(ws.datastores).join(', ')}`);
    }
  }
  return errors;
}

type Add = (code: PipelineErrorCode, message: string) => void;

function computeName(pipeline: Pipeline, step: PipelineStep): string | undefined {
  return step.compute ?? pipeline.default_compute;
}

function checkCompute(ws: Workspace, pipeline: Pipeline, step: PipelineStep, add: Add): void {
  const name = computeName(pipeline, step);
  if (name === undefined) {
    add('unknown_compute', `Step ${step.name} has no compute target; set compute on the step or default_compute on the pipeline (clusters: ${Object.keys(ws.computes).join(', ')})`);
  } else if (!ws.computes[name]) {
    add('unknown_compute', `Step ${step.name} targets compute ${JSON.stringify(name)}, which is not in the workspace; use one of ${Object.keys(ws.computes).join(', ')}`);
  }
}

function checkEnvironment(ws: Workspace, step: PipelineStep, add: Add): void {
  const name = step.environment ?? ws.default_environment;
  const env = ws.environments[name];
  if (!env) {
    add('unknown_environment', `Step ${step.name} uses environment ${JSON.stringify(name)}, which is not registered; use one of ${Object.keys(ws.environments).join(', ')}`);
    return;
  }
  const missing = (step.imports ?? []).filter((pkg) => !env.packages.includes(pkg.toLowerCase()));
  if (missing.length === 0) return;
  const better = Object.values(ws.environments).find((e) => (step.imports ?? []).every((p) => e.packages.includes(p.toLowerCase())));
  const hint = better ? `, or run the step in ${better.name}, which has everything it imports` : '';
  add('missing_package', `Step ${step.name} imports ${missing.join(', ')}, but environment ${name} lacks ${missing.length > 1 ? 'them' : 'it'}: the script would stop with ModuleNotFoundError. Add ${missing.join(', ')} to the environment${hint}`);
}

function checkModel(ws: Workspace, pipeline: Pipeline, step: PipelineStep, add: Add): void {
  if (!step.model) return;
  const { name, version } = step.model;
  const model = ws.models[name];
  if (!model) {
    add('model_not_found', `Step ${step.name} loads model ${JSON.stringify(name)}, which is not registered; register it or use one of ${Object.keys(ws.models).join(', ')}`);
    return;
  }
  const found = resolveModelVersion(ws, name, version);
  if (!found) {
    add('model_not_found', `Step ${step.name} loads ${name} version ${JSON.stringify(version)}, which does not exist; use 'latest' or one of ${model.versions.map((v) => v.version).join(', ')}`);
    return;
  }
  const compute = ws.computes[computeName(pipeline, step) ?? ''];
  const vm = compute && VM_SIZES[compute.vm_size];
  if (found.requires_gpu && vm && !vm.gpu) {
    const gpu = Object.values(ws.computes).find((c) => VM_SIZES[c.vm_size]?.gpu);
    add('gpu_required', `Model ${name}:${found.version} needs a GPU, but ${compute.name} is ${vm.name} with none: init() would fail. Run step ${step.name} on a GPU cluster${gpu ? ` such as ${gpu.name} (${gpu.vm_size})` : ''}`);
  }
}

function checkDatastoreInput(ws: Workspace, step: PipelineStep, input: string, add: Add): void {
  const ref = parseDatastoreRef(input);
  const store = ws.datastores[ref.datastore];
  if (!store) {
    add('missing_input', `Step ${step.name} reads ${JSON.stringify(input)}: no step produces it and ${ref.datastore} is not a datastore (known: ${Object.keys(ws.datastores).join(', ')}). Fix the name, or add a step that outputs it`);
  } else if (listBlobs(store, ref.path).length === 0) {
    add('missing_input', `Step ${step.name} reads ${JSON.stringify(input)}, but ${ref.datastore} holds no blob at or under ${JSON.stringify(ref.path || '/')}; upload the data there or point the input at a folder that has it`);
  } else if (!store.can_read) {
    add('datastore_access', `Step ${step.name} reads ${ref.datastore}, but the compute's identity has no read permission on it: the step would fail with an authorization error. Grant the identity Storage Blob Data Reader, or register the datastore with credentials`);
  }
}

function checkParallelRun(ws: Workspace, pipeline: Pipeline, step: PipelineStep, add: Add): void {
  const config = step.parallel_run_config;
  if (!config || typeof config !== 'object') {
    add('invalid_parallel_run_config', `Step ${step.name} is a parallel_run step without a parallel_run_config; add one with at least error_threshold, output_action and node_count`);
    return;
  }
  for (const problem of validateParallelRunConfig(config, TABULAR)) {
    add('invalid_parallel_run_config', `Step ${step.name}: ${problem.message}`);
  }
  const compute = ws.computes[computeName(pipeline, step) ?? ''];
  const nodes = config.node_count;
  if (compute && typeof nodes === 'number' && nodes > compute.max_nodes) {
    add('node_count_exceeds_max', `Step ${step.name} asks for node_count ${nodes}, but ${compute.name} has max_nodes ${compute.max_nodes}; lower node_count or raise the cluster's max_nodes`);
  }
  const action = typeof config.output_action === 'string' ? config.output_action.toLowerCase() : '';
  if (action === 'append_row' && step.outputs.length === 0) {
    add('missing_output', `Step ${step.name} uses output_action append_row but declares no output to hold the appended file; add an output name (e.g. outputs: ['scores']) or switch to summary_only`);
  }
}
