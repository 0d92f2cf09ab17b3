// Worker side: the engine's pipeline, workspace and run reduced to the small
// views the page draws. Runs inside the pipeline worker (it imports the engine).
import { buildGraph, type Pipeline, type PipelineError, type PipelineRun, type PublishedPipeline, type Workspace } from '@/engine/index';
import type { DefinitionView, ErrorView, ParameterView, PublishedView, RunView, StepDefinitionView } from '../model/protocol';

const REFERENCE = /\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;

/** Declared parameters that a step mentions as `{name}` anywhere in its fields. */
function parameterRefs(step: Pipeline['steps'][number], declared: string[]): string[] {
  const text = JSON.stringify(step);
  const found = new Set<string>();
  for (const match of text.matchAll(REFERENCE)) if (declared.includes(match[1]!)) found.add(match[1]!);
  return [...found];
}

export function parameterViews(pipeline: Pipeline): ParameterView[] {
  return Object.entries(pipeline.parameters ?? {}).map(([name, spec]) => ({
    name,
    type: spec.type ?? (typeof spec.default === 'number' ? 'int' : typeof spec.default === 'boolean' ? 'bool' : 'string'),
    default: spec.default,
    ...(spec.description !== undefined && { description: spec.description }),
  }));
}

function storagePaths(ws: Workspace): { blobPaths: string[]; folderPaths: string[] } {
  const blobPaths: string[] = [];
  const folders = new Set<string>();
  for (const [name, store] of Object.entries(ws.datastores)) {
    for (const path of Object.keys(store.blobs).sort()) {
      blobPaths.push(`${name}/${path}`);
      const slash = path.lastIndexOf('/');
      if (slash > 0) folders.add(`${name}/${path.slice(0, slash + 1)}`);
    }
  }
  return { blobPaths, folderPaths: [...folders].sort() };
}

export function definitionView(ws: Workspace, pipeline: Pipeline): DefinitionView {
  const graph = buildGraph(pipeline.steps);
  const declared = Object.keys(pipeline.parameters ?? {});
  const byName = new Map(pipeline.steps.map((s) => [s.name, s]));
  const order = graph.order.length === pipeline.steps.length ? graph.order : pipeline.steps.map((s) => s.name);
  const steps = order.map((name): StepDefinitionView => {
    const step = byName.get(name)!;
    const compute = step.compute ?? pipeline.default_compute ?? '';
    const cluster = ws.computes[compute];
    return {
      name,
      type: step.type,
      script: step.script ?? null,
      compute,
      vmSize: cluster?.vm_size ?? null,
      tier: cluster?.tier ?? null,
      inputs: step.inputs.map((input) => {
        const from = graph.producers.get(input);
        return from === undefined ? { name: input } : { name: input, from };
      }),
      outputs: [...step.outputs],
      dependsOn: graph.dependencies.get(name) ?? [],
      allowReuse: step.allow_reuse ?? true,
      parameterRefs: parameterRefs(step, declared),
    };
  });
  return { pipelineName: pipeline.name, defaultCompute: pipeline.default_compute ?? null, steps, parameters: parameterViews(pipeline), ...storagePaths(ws) };
}

export function errorViews(errors: PipelineError[]): ErrorView[] {
  return errors.map(({ code, step, message }) => (step === undefined ? { code, message } : { code, step, message }));
}

export function runView(run: PipelineRun): RunView {
  return {
    id: run.id,
    status: run.status,
    submittedAt: run.submittedAt,
    parameters: { ...run.parameters },
    regenerateOutputs: run.options.regenerate_outputs,
    durationSeconds: run.durationSeconds,
    costUsd: run.costUsd,
    steps: run.steps.map((s) => ({
      name: s.name,
      status: s.status,
      // Stable sort: equal times keep the engine's order (NotStarted before Queued).
      history: [...s.history].sort((a, b) => a.at - b.at),
      compute: s.compute,
      vmSize: s.vmSize,
      nodes: s.nodes,
      start: s.start,
      end: s.end,
      startupSeconds: s.startupSeconds,
      costUsd: s.costUsd,
      reuseKey: s.reuseKey,
      ...(s.reusedFrom && { reusedFrom: { ...s.reusedFrom } }),
      ...(s.error !== undefined && { error: s.error }),
      outputRows: Object.fromEntries(Object.entries(s.outputs).map(([name, o]) => [name, o.rows])),
    })),
  };
}

export function publishedView(published: PublishedPipeline): PublishedView {
  return {
    id: published.id,
    name: published.name,
    endpoint: published.endpoint,
    published: published.published,
    parameters: published.parameters.map((p) => ({ ...p })),
  };
}
