'use client';
// One step of the graph: name, type, compute, live status, allow_reuse, and
// after a run its virtual times, cost, reuse key and the engine's reason.
import { forwardRef } from 'react';
import type { StepStatus } from '@/engine/index';
import { FAULT_ENVIRONMENT, FAULT_GPU_MODEL, type RunFault } from '../model/faults';
import type { ErrorView, StepDefinitionView, StepRunView } from '../model/protocol';
import { usePipeline } from '../use-pipeline';
import { formatSeconds, formatUsd } from '@/app/_platform/format';
import { STEP_TYPE_LABEL } from './labels';
import { StatusBadge } from './StatusBadge';

const FINAL: readonly StepStatus[] = ['Completed', 'Failed', 'Canceled', 'Reused'];

interface Props {
  idPrefix: string;
  step: StepDefinitionView;
  status: StepStatus;
  /** The step in the shown run (null before a run or while one is submitted). */
  result: StepRunView | null;
  /** Its reuse key in the run before (null when there was none). */
  previousKey: string | null;
  errors: ErrorView[];
  pointers: string[];
  /** Steps that ended Failed in the shown run (the reason the others were Canceled). */
  failedSteps: string[];
}

const listed = (names: string[]) => (names.length === 0 ? 'an earlier step' : names.join(' and '));

/** Why a step was Canceled: the run stopped at a failed step, before or while this one ran. */
function CanceledReason({ result, failedSteps }: { result: StepRunView; failedSteps: string[] }) {
  const ran = result.history.some((h) => h.status === 'Running');
  return (
    <p className="pipe-reason pipe-reason-failed">
      {ran ? 'Canceled while running' : 'Canceled without running'}: {listed(failedSteps)} failed, and a run submitted with <code>continue_on_step_failure=False</code> stops
      at its first failed step{ran ? '; this step paid only for the time it had run.' : ', so this step never went to compute.'}
    </p>
  );
}

function Reason({ result, failedSteps }: { result: StepRunView; failedSteps: string[] }) {
  if (result.status === 'Canceled') return <CanceledReason result={result} failedSteps={failedSteps} />;
  if (result.status === 'Failed' && result.error !== undefined) {
    return (
      <p className="pipe-reason pipe-reason-failed">
        <strong>Failed:</strong> {result.error}
      </p>
    );
  }
  if (result.status === 'Reused' && result.reusedFrom) {
    return (
      <p className="pipe-reason">
        Reused the outputs of <code>{result.reusedFrom.stepRunId}</code> from {result.reusedFrom.runId}; no job went to compute.
      </p>
    );
  }
  if (result.error !== undefined) return <p className="pipe-reason pipe-reason-failed">{result.error}</p>;
  return null;
}

const FAULT_TEXT: Partial<Record<RunFault, string>> = {
  'missing-package': `environment=${FAULT_ENVIRONMENT} (no onnxruntime)`,
  'gpu-model': `model=${FAULT_GPU_MODEL.name} (needs a GPU)`,
};

/** On the ParallelRunStep: the fault the next run will carry. */
function FaultNote({ step }: { step: StepDefinitionView }) {
  const fault = usePipeline((s) => s.fault);
  const text = FAULT_TEXT[fault];
  if (step.type !== 'parallel_run' || text === undefined) return null;
  return (
    <p className="pipe-note pipe-note-warn">
      Fault for the next run: <code>{text}</code>. It is submitted without the workspace check, so the job fails in <code>init()</code>.
    </p>
  );
}

function ReuseKey({ result, previousKey }: { result: StepRunView; previousKey: string | null }) {
  if (!result.reuseKey) return null;
  const comparison =
    previousKey === null ? null : previousKey === result.reuseKey ? ' (same as the run before)' : ` (changed; the run before had ${previousKey})`;
  return (
    <p className="pipe-key">
      reuse key <code>{result.reuseKey}</code>
      {comparison}
    </p>
  );
}

const WHOLE_PARAMETER = /^\{([A-Za-z_][A-Za-z0-9_-]*)\}$/;

/** A datastore input: the path as written, and the parameter's current text when it is `{name}`. */
function DatastoreInput({ name }: { name: string }) {
  const parameter = WHOLE_PARAMETER.exec(name)?.[1];
  const value = usePipeline((s) => (parameter === undefined ? undefined : s.params[parameter]));
  return (
    <>
      <code>{name}</code>
      {value !== undefined && (
        <>
          {' = '}
          <code>{value}</code>
        </>
      )}{' '}
      (datastore)
    </>
  );
}

function Inputs({ step }: { step: StepDefinitionView }) {
  return (
    <p className="pipe-io">
      reads{' '}
      {step.inputs.map((input, i) => (
        <span key={input.name}>
          {i > 0 && ', '}
          {input.from ? (
            <>
              <code>{input.name}</code> from {input.from}
            </>
          ) : (
            <DatastoreInput name={input.name} />
          )}
        </span>
      ))}
      {step.outputs.length > 0 && (
        <>
          {'; writes '}
          {step.outputs.map((o, i) => (
            <span key={o}>
              {i > 0 && ', '}
              <code>{o}</code>
            </span>
          ))}
        </>
      )}
    </p>
  );
}

export const StepNode = forwardRef<HTMLLIElement, Props>(function StepNode({ idPrefix, step, status, result, previousKey, errors, pointers, failedSteps }, ref) {
  const allowed = usePipeline((s) => s.allowReuse[step.name] ?? step.allowReuse);
  const setAllowReuse = usePipeline((s) => s.setAllowReuse);
  const titleId = `${idPrefix}-${step.name}-title`;
  const settled = result !== null && FINAL.includes(status);
  const invalid = errors.length > 0 || pointers.length > 0;
  return (
    <li ref={ref} className={invalid ? 'pipe-node pipe-node-invalid' : 'pipe-node'} data-step={step.name} data-status={status} aria-labelledby={titleId}>
      <div className="pipe-node-head">
        <h3 id={titleId} className="pipe-node-name">
          {step.name}
        </h3>
        <StatusBadge status={status} />
      </div>
      <p className="pipe-node-meta">
        {STEP_TYPE_LABEL[step.type]}
        {step.script && (
          <>
            {' · '}
            <code>{step.script}</code>
          </>
        )}
        {' · compute '}
        <code>{result?.compute ?? step.compute}</code>
        {step.vmSize && ` (${result?.vmSize ?? step.vmSize}, ${step.tier === 'low_priority' ? 'low priority' : 'dedicated'})`}
      </p>
      <Inputs step={step} />
      <FaultNote step={step} />
      <label className="pipe-check">
        <input type="checkbox" checked={allowed} onChange={(e) => setAllowReuse(step.name, e.target.checked)} />
        <code>allow_reuse</code>
        <span className="visually-hidden"> for {step.name}</span>
      </label>
      {settled && result && (
        <>
          <p className="pipe-times">
            start {formatSeconds(result.start, 'whole')} · end {formatSeconds(result.end, 'whole')}
            {result.startupSeconds > 0 && ` · node start-up ${formatSeconds(result.startupSeconds, 'whole')}`}
            {result.status === 'Completed' && ` · ${result.nodes} node${result.nodes === 1 ? '' : 's'}`} · cost {formatUsd(result.costUsd, 'sub-cent')}
          </p>
          <Reason result={result} failedSteps={failedSteps} />
          <ReuseKey result={result} previousKey={previousKey} />
        </>
      )}
      {invalid && (
        <ul className="field-error pipe-step-errors">
          {errors.map((e) => (
            <li key={e.message}>{e.message}</li>
          ))}
          {pointers.map((p) => (
            <li key={p}>
              Blocked by the value of <code>{p}</code>: see the message beside that parameter.
            </li>
          ))}
        </ul>
      )}
    </li>
  );
});
