// Shared fixtures: one copy of the committed ONNX model, small workspaces and
// a builder for stand-in python steps (no data, fixed duration).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspace, type PipelineStep, type Pipeline, type PipelineRun, type StepRun, type Workspace } from '@/engine/index';

const root = join(import.meta.dirname, '../../..');
/** Read once per test file; every workspace shares the buffer (and so one ORT session). */
export const modelBytes = new Uint8Array(readFileSync(join(root, 'public/models/credit-risk.onnx')));

/** A workspace with the real model and 2 × 150 sample rows, for fast scoring runs. */
export function smallWorkspace(): Workspace {
  return createWorkspace({ modelBytes, sampleRows: 150 });
}

/** Enough for validation and stand-in steps: no model file, tiny sample blobs. */
export function bareWorkspace(): Workspace {
  return createWorkspace({ sampleRows: 5 });
}

/** A stand-in python step: `seconds` of work, optionally failing at the end. */
export function py(name: string, inputs: string[], outputs: string[], extra: Partial<PipelineStep> & { seconds?: number; fail?: string } = {}): PipelineStep {
  const { seconds, fail, ...rest } = extra;
  return {
    name,
    type: 'python_script',
    script: `${name}.py`,
    inputs,
    outputs,
    arguments: { duration_seconds: seconds ?? 60, ...(fail !== undefined && { fail_with: fail }) },
    ...rest,
  };
}

export function pipelineOf(steps: PipelineStep[], extra: Partial<Pipeline> = {}): Pipeline {
  return { name: 'test-pipeline', default_compute: 'cpu-cluster', steps, ...extra };
}

export function step(run: PipelineRun, name: string): StepRun {
  const found = run.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name} in run ${run.id}`);
  return found;
}

export function statuses(run: PipelineRun): Record<string, string> {
  return Object.fromEntries(run.steps.map((s) => [s.name, s.status]));
}
