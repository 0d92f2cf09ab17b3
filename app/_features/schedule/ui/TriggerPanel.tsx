'use client';

import { useId, useState } from 'react';
import { problemsByField } from '@/app/_platform/ui/field-problems';
import { describedBy, Field } from '@/app/_platform/ui/Field';
import { generalTriggerProblems, passedParameter, withArrival, withoutArrival } from '../model/explorer';
import { addMinutes, formatUtc } from '../model/format-time';
import { DATASTORE, type BlobFate, type TriggerFormState, type TriggerResult } from '../model/trigger-sim';

interface Props {
  form: TriggerFormState;
  result: TriggerResult;
  now: string;
  onChange: (patch: Partial<TriggerFormState>) => void;
}

/** Blob arrivals against datastore polling or an event trigger: which runs fire, when, and why. */
export function TriggerPanel({ form, result, now, onChange }: Props) {
  const id = useId();
  const byField = problemsByField(result.problems);
  const polling = form.kind === 'datastore';
  const control = (name: string) => ({
    id: `${id}-${name}`,
    'aria-describedby': describedBy(`${id}-${name}`, byField[name]),
    'aria-invalid': byField[name] ? true : undefined,
  });
  const general = generalTriggerProblems(result.problems);

  return (
    <section className="schedx-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="widget-heading">
        Data triggers: blobs arriving in <code>{DATASTORE}</code>
      </h3>
      <fieldset className="field field-wide">
        <legend className="field-label">Trigger kind</legend>
        <label className="schedx-check">
          <input type="radio" name={`${id}-kind`} checked={polling} onChange={() => onChange({ kind: 'datastore' })} />
          Datastore polling: <code>Schedule.create(datastore=…)</code> (SDK v1)
        </label>
        <label className="schedx-check">
          <input type="radio" name={`${id}-kind`} checked={!polling} onChange={() => onChange({ kind: 'event' })} />
          Event trigger: Blob created → Event Grid → function calls the pipeline endpoint
        </label>
      </fieldset>
      <div className="widget-controls">
        {polling && (
          <Field id={`${id}-polling_interval`} label={<><code>polling_interval</code> (minutes)</>} hint="How often Azure ML looks for new or changed blobs; default 5." problems={byField.polling_interval}>
            <input {...control('polling_interval')} type="number" min={1} step={1} inputMode="numeric" value={form.pollingInterval} onChange={(e) => onChange({ pollingInterval: e.target.value })} />
          </Field>
        )}
        <Field id={`${id}-path_on_datastore`} label={<code>path_on_datastore</code>} hint={polling ? 'The folder polled; its sub-folders are not watched.' : 'Prefix filter on the event subject; sub-folders match.'} problems={byField.path_on_datastore}>
          <input {...control('path_on_datastore')} type="text" spellCheck={false} autoComplete="off" value={form.path} onChange={(e) => onChange({ path: e.target.value })} />
        </Field>
        <Field id={`${id}-data_path_parameter_name`} label={<code>data_path_parameter_name</code>} hint="Pipeline parameter that receives the changed blob's path." problems={byField.data_path_parameter_name}>
          <input {...control('data_path_parameter_name')} type="text" spellCheck={false} autoComplete="off" value={form.parameterName} onChange={(e) => onChange({ parameterName: e.target.value })} />
        </Field>
        <Field id={`${id}-window`} label="Simulated window (minutes after now)" hint="Blobs and runs after the window are not shown." problems={byField.window}>
          <input {...control('window')} type="number" min={1} step={1} inputMode="numeric" value={form.windowMinutes} onChange={(e) => onChange({ windowMinutes: e.target.value })} />
        </Field>
      </div>
      <ArrivalList form={form} result={result} byField={byField} onChange={onChange} />
      <AddArrival now={now} onAdd={(time, path) => onChange({ arrivals: withArrival(form, time, path) })} />
      {general.length > 0 && (
        <ul className="field-error">
          {general.map((p) => (
            <li key={p.field + p.message}>{p.message}</li>
          ))}
        </ul>
      )}
      <RunList result={result} polling={polling} parameterName={form.parameterName} />
    </section>
  );
}

function ArrivalList({ form, result, byField, onChange }: Pick<Props, 'form' | 'result' | 'onChange'> & { byField: Record<string, string[]> }) {
  if (form.arrivals.length === 0) return <p className="field-hint">No blobs yet: add one below.</p>;
  return (
    <table className="schedx-table">
      <caption>Blob arrivals and what happened to each</caption>
      <thead>
        <tr>
          <th scope="col">Arrived (UTC)</th>
          <th scope="col">Blob path</th>
          <th scope="col">Outcome</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {form.arrivals.map((a, i) => {
          const problems = [...(byField[`arrivals[${i}].time`] ?? []), ...(byField[`arrivals[${i}].path`] ?? [])];
          return (
            <tr key={a.key}>
              <td>{a.time}</td>
              <td>
                <code>{a.path}</code>
              </td>
              <td>
                {problems.length > 0 ? <span className="field-error-inline">{problems.join(' ')}</span> : <FateText fate={result.fates[i]} form={form} />}
              </td>
              <td>
                <button type="button" className="button-secondary" onClick={() => onChange({ arrivals: withoutArrival(form, a.key) })}>
                  Remove <span className="visually-hidden">{a.path}</span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function FateText({ fate, form }: { fate: BlobFate | undefined; form: TriggerFormState }) {
  const folder = form.path.trim() === '' ? 'the container root' : `"${form.path.trim()}"`;
  switch (fate?.kind) {
    case 'fired':
      return (
        <span className="fate-fired">
          Run {fate.run} at {formatUtc(fate.time)}
          {fate.together > 0 ? ` (one run for this and ${fate.together} other blob${fate.together === 1 ? '' : 's'} seen by the same poll)` : ''}
        </span>
      );
    case 'subfolder':
      return <span className="fate-ignored">Ignored: it sits in a sub-folder of {folder}, and polling only sees blobs directly in that folder.</span>;
    case 'after_window':
      return <span className="fate-ignored">Not yet: the poll that sees it ({formatUtc(fate.poll)}) comes after the window ends.</span>;
    case 'outside_path':
      return <span className="fate-ignored">Ignored: it is not under path_on_datastore {folder}.</span>;
    case 'outside_window':
      return <span className="fate-ignored">Outside the window: at or before now, or after the end, so it is not a change the trigger sees.</span>;
    default:
      return <span className="fate-ignored">Not simulated: fix the problems listed.</span>;
  }
}

function AddArrival({ now, onAdd }: { now: string; onAdd: (time: string, path: string) => void }) {
  const id = useId();
  const [time, setTime] = useState(() => addMinutes(now, 15));
  const [path, setPath] = useState('incoming/day3.csv');
  return (
    <form
      className="schedx-add"
      aria-label="Add a blob arrival"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(time.trim(), path.trim());
      }}
    >
      <Field id={`${id}-time`} label="Arrival time (ISO, UTC with Z)" hint="When the blob is written.">
        <input id={`${id}-time`} aria-describedby={`${id}-time-hint`} type="text" spellCheck={false} autoComplete="off" value={time} onChange={(e) => setTime(e.target.value)} />
      </Field>
      <Field id={`${id}-path`} label="Blob path" hint="Inside the container, e.g. incoming/archive/x.csv for a sub-folder.">
        <input id={`${id}-path`} aria-describedby={`${id}-path-hint`} type="text" spellCheck={false} autoComplete="off" value={path} onChange={(e) => setPath(e.target.value)} />
      </Field>
      <button type="submit" className="button-primary">
        Add arrival
      </button>
    </form>
  );
}

function RunList({ result, polling, parameterName }: { result: TriggerResult; polling: boolean; parameterName: string }) {
  if (result.problems.length > 0) return null;
  return (
    <div className="schedx-runs">
      <p className="schedx-summary" role="status">
        {result.runs.length === 0 ? 'No pipeline runs fire in the window.' : `${result.runs.length} pipeline run${result.runs.length === 1 ? '' : 's'} fire in the window:`}
      </p>
      {result.runs.length > 0 && (
        <ol className="schedx-fired" aria-label="Pipeline runs">
          {result.runs.map((r) => {
            const passed = passedParameter(r.parameters, parameterName);
            return (
              <li key={r.time + (r.blobs ?? []).join()}>
                {formatUtc(r.time)}: {polling ? `the poll found ${(r.blobs ?? []).length} new blob${(r.blobs ?? []).length === 1 ? '' : 's'}` : 'a BlobCreated event'}
                {passed && (
                  <>
                    {' '}
                    → <code>{passed.name}</code> = <code>{passed.value}</code>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
