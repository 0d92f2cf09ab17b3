'use client';
// Lets the learner make a run fail the way Azure does: submit() checks only
// the graph, so a missing package, a model the node cannot load or a datastore
// the compute may not read is found when the step runs. The step ends Failed
// with the error from its logs; the steps still waiting are Canceled.
import type { ReactNode } from 'react';
import { FAULT_ENVIRONMENT, FAULT_GPU_MODEL, type RunFault } from '../model/faults';
import { usePipeline } from '../use-pipeline';

const CHOICES: { value: RunFault; label: ReactNode }[] = [
  { value: 'none', label: <>No fault: check packages, models and permissions before submitting</> },
  {
    value: 'missing-package',
    label: (
      <>
        score (ParallelRunStep) runs in <code>environment={FAULT_ENVIRONMENT}</code>, which lacks onnxruntime
      </>
    ),
  },
  {
    value: 'gpu-model',
    label: (
      <>
        score loads <code>model={FAULT_GPU_MODEL.name}</code>, a CUDA-only model, on <code>compute_target=cpu-cluster</code>
      </>
    ),
  },
  {
    value: 'unchecked',
    label: (
      <>
        Skip the checks only: a <code>model_version</code> that is not registered, or an <code>input_path</code> the compute may not read, fails when its step runs
      </>
    ),
  },
];

export function FaultPicker({ idPrefix }: { idPrefix: string }) {
  const fault = usePipeline((s) => s.fault);
  const setFault = usePipeline((s) => s.setFault);
  const hintId = `${idPrefix}-fault-hint`;
  return (
    <fieldset className="pipe-fieldset" aria-describedby={hintId}>
      <legend>Run-time fault (make a step fail as Azure would)</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="pipe-check">
          <input type="radio" name={`${idPrefix}-fault`} value={choice.value} checked={fault === choice.value} onChange={() => setFault(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
      <p id={hintId} className="field-hint">
        Submitting checks the graph, not the workspace: these problems surface in <code>init()</code> or when a step reads its input. That step ends Failed with the
        error from its logs, and with <code>continue_on_step_failure=False</code> the steps after it are Canceled without running.
      </p>
    </fieldset>
  );
}
