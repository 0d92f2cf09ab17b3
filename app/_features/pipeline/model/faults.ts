// Run-time faults the learner can inject, so a run can end Failed (and the
// steps after the failure Canceled) the way Azure reports it. This is the
// faults' vocabulary, shared by the page and the worker; how the worker
// applies one to a pipeline is worker/inject-fault.ts.

export const RUN_FAULTS = ['none', 'missing-package', 'gpu-model', 'unchecked'] as const;
export type RunFault = (typeof RUN_FAULTS)[number];

/** The workspace's environment without onnxruntime, and its CUDA-only model (see engine/pipeline/workspace.ts). */
export const FAULT_ENVIRONMENT = 'basic-env';
export const FAULT_GPU_MODEL = { name: 'credit-risk-dnn', version: 1 } as const;

export function isRunFault(value: unknown): value is RunFault {
  return typeof value === 'string' && (RUN_FAULTS as readonly string[]).includes(value);
}
