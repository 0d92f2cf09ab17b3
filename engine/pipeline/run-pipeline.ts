// runPipeline: the experiment.submit(pipeline) analogue. Validates, resolves
// parameters, then runs the DAG in virtual time on the workspace's clusters.
import { DEFAULT_SEED } from '../parallel-run/simulate';
import { formatIso, parseIso, syncClock } from './datastore';
import { buildGraph } from './graph';
import { effectiveParameters, resolveStep } from './parameters';
import { RunScheduler, toStepRun, type ScheduledStep } from './scheduler';
import type { Pipeline, PipelineError, PipelineRun, RunOptions, Workspace } from './types';
import { RUNTIME_CHECK_CODES, validatePipeline } from './validate';

export class PipelineValidationError extends Error {
  readonly errors: PipelineError[];

  constructor(errors: PipelineError[]) {
    const lines = errors.map((e) => `- [${e.code}]${e.step ? ` ${e.step}:` : ''} ${e.message}`);
    super(`The pipeline is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'PipelineValidationError';
    this.errors = errors;
  }
}

/** Errors that stop a submission under the chosen validation level. */
export function blockingErrors(ws: Workspace, pipeline: Pipeline, options: RunOptions): PipelineError[] {
  const errors = validatePipeline(ws, pipeline, { ...(options.parameters && { parameters: options.parameters }) });
  return options.validation === 'graph' ? errors.filter((e) => !RUNTIME_CHECK_CODES.includes(e.code)) : errors;
}

function scheduledSteps(ws: Workspace, pipeline: Pipeline, values: ReturnType<typeof effectiveParameters>): ScheduledStep[] {
  const steps = pipeline.steps.map((raw) => resolveStep(raw, values).value);
  const graph = buildGraph(steps);
  const byName = new Map(steps.map((s) => [s.name, s]));
  return graph.order.map((name) => {
    const step = byName.get(name)!;
    const compute = step.compute ?? pipeline.default_compute ?? '';
    return {
      step,
      cluster: ws.computes[compute]!,
      environment: ws.environments[step.environment ?? ws.default_environment],
      deps: graph.dependencies.get(name) ?? [],
    };
  });
}

/**
 * Submits the pipeline. Rejects with a PipelineValidationError when it is not
 * valid; otherwise resolves to the finished run (a failed step gives a run
 * with status Failed, not a rejection). Mutates the workspace: reuse memory,
 * written blobs and the virtual clock. `options.submittedAt` stamps the run
 * with a real submission time; its steps then run in virtual time from there.
 */
export async function runPipeline(ws: Workspace, pipeline: Pipeline, options: RunOptions = {}): Promise<PipelineRun> {
  const errors = blockingErrors(ws, pipeline, options);
  if (errors.length > 0) throw new PipelineValidationError(errors);
  const parameters = effectiveParameters(pipeline, options.parameters);
  const seed = options.seed ?? DEFAULT_SEED;
  ws.runCount += 1;
  const runId = `run-${String(ws.runCount).padStart(4, '0')}`;
  // Normalised to whole seconds, the engine's format; throws on a malformed time.
  const submittedAt = options.submittedAt === undefined ? ws.clock : formatIso(parseIso(options.submittedAt));
  const scheduler = new RunScheduler(scheduledSteps(ws, pipeline, parameters), {
    ws,
    runId,
    submittedAt,
    seed,
    regenerateOutputs: options.regenerate_outputs ?? false,
    continueOnStepFailure: options.continue_on_step_failure ?? false,
  });
  const states = await scheduler.run();
  const order = new Map(pipeline.steps.map((s, i) => [s.name, i]));
  const steps = states.map(toStepRun).sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  const durationSeconds = steps.reduce((max, s) => Math.max(max, s.end), 0);
  // The clock moves on to just after the run ends (or stays, if it is already later).
  syncClock(ws, formatIso(parseIso(submittedAt) + Math.ceil(durationSeconds + 1) * 1000));
  const run: PipelineRun = {
    id: runId,
    pipeline: pipeline.name,
    experiment: options.experiment ?? pipeline.name,
    status: steps.some((s) => s.status === 'Failed') ? 'Failed' : 'Completed',
    submittedAt,
    parameters,
    options: {
      regenerate_outputs: options.regenerate_outputs ?? false,
      continue_on_step_failure: options.continue_on_step_failure ?? false,
      seed,
    },
    steps,
    durationSeconds,
    costUsd: Math.round(steps.reduce((sum, s) => sum + s.costUsd, 0) * 1e6) / 1e6,
  };
  if (options.description !== undefined) run.description = options.description;
  if (options.tags !== undefined) run.tags = { ...options.tags };
  return run;
}
