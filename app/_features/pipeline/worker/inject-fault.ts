// How the worker injects a run-time fault: each fault is an edit the engine
// already understands, submitted like a pipeline sent without
// pipeline.validate(): the engine's 'graph' validation lets the workspace
// problems through, and they surface when the step runs, not before.
import { RUNTIME_CHECK_CODES, type Pipeline, type RunOptions } from '@/engine/index';
import { FAULT_ENVIRONMENT, FAULT_GPU_MODEL, type RunFault } from '../model/faults';
import type { ErrorView } from '../model/protocol';

/** A copy of the pipeline whose ParallelRunStep carries the fault (unchanged for 'none' and 'unchecked'). */
export function withFault(pipeline: Pipeline, fault: RunFault): Pipeline {
  if (fault !== 'missing-package' && fault !== 'gpu-model') return pipeline;
  return {
    ...pipeline,
    steps: pipeline.steps.map((step) => {
      if (step.type !== 'parallel_run') return step;
      return fault === 'missing-package' ? { ...step, environment: FAULT_ENVIRONMENT } : { ...step, model: { ...FAULT_GPU_MODEL } };
    }),
  };
}

/** Every fault skips the workspace checks; without one, the simulator validates fully before it submits. */
export function validationFor(fault: RunFault): NonNullable<RunOptions['validation']> {
  return fault === 'none' ? 'full' : 'graph';
}

/** With a fault, workspace problems are what the learner asked for: they show up at run time, not as form errors. */
export function shownErrors(errors: ErrorView[], fault: RunFault): ErrorView[] {
  return fault === 'none' ? errors : errors.filter((e) => !RUNTIME_CHECK_CODES.includes(e.code));
}
