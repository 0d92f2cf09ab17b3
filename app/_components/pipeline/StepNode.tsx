'use client';
// One step of the graph: name, type, compute, live status, allow_reuse, and
// after a run its virtual times, cost, reuse key and the engine's reason.
import { forwardRef } from 'react';
import type { StepStatus } from '@/engine/index';
import type { ErrorView, StepDefinitionView, StepRunView } from '@/app/_pipeline/protocol';
import { usePipeline } from '@/app/_pipeline/use-pipeline';
import { formatSeconds, formatUsd, STEP_TYPE_LABEL } from './format';
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
}

function Reason({ result }: { result: StepRunView }) {
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

export const StepNode = forwardRef<HTMLLIElement, Props>(function StepNode({ idPrefix, step, status, result, previousKey, errors, pointers }, ref) {
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
      <label className="pipe-check">
        <input type="checkbox" checked={allowed} onChange={(e) => setAllowReuse(step.name, e.target.checked)} />
        <code>allow_reuse</code>
        <span className="visually-hidden"> for {step.name}</span>
      </label>
      {settled && result && (
        <>
          <p className="pipe-times">
            start {formatSeconds(result.start)} · end {formatSeconds(result.end)}
            {result.startupSeconds > 0 && ` · node start-up ${formatSeconds(result.startupSeconds)}`}
            {result.status === 'Completed' && ` · ${result.nodes} node${result.nodes === 1 ? '' : 's'}`} · cost {formatUsd(result.costUsd)}
          </p>
          <Reason result={result} />
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
