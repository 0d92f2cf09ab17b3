// Run-time faults the learner can inject, so a run can end Failed (and the
// steps after the failure Canceled) the way Azure reports it. Each fault is an
// edit the engine already understands, submitted like a pipeline sent without
// pipeline.validate(): the engine's 'graph' validation lets the workspace
// problems through, and they surface when the step runs, not before.
import { RUNTIME_CHECK_CODES, type Pipeline, type RunOptions } from '@/engine/index';
import type { ErrorView } from './protocol';

export const RUN_FAULTS = ['none', 'missing-package', 'gpu-model', 'unchecked'] as const;
export type RunFault = (typeof RUN_FAULTS)[number];

/** The workspace's environment without onnxruntime, and its CUDA-only model (see engine/pipeline/workspace.ts). */
export const FAULT_ENVIRONMENT = 'basic-env';
export const FAULT_GPU_MODEL = { name: 'credit-risk-dnn', version: 1 } as const;

export function isRunFault(value: unknown): value is RunFault {
  return typeof value === 'string' && (RUN_FAULTS as readonly string[]).includes(value);
}

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
