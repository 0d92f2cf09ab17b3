'use client';
// Pipeline parameters, run options and the actions: run, rewrite the input
// data under the same path, reset the workspace.
import { useMemo } from 'react';
import { placeErrors } from '../model/error-placement';
import type { ParameterView } from '../model/protocol';
import { usePipeline, usePipelineStore } from '../use-pipeline';
import { FaultPicker } from './FaultPicker';

const HINTS: Record<string, string> = {
  input_path: 'Datastore folder or blob the ingest step reads. A different path is a different input identity.',
  model_version: "Registered credit-risk version: 'latest', 1 or 2.",
  node_count: 'Nodes for the ParallelRunStep (cpu-cluster has max_nodes 4).',
  mini_batch_size: 'Bytes per run() call for tabular data, e.g. 16KB or 1MB.',
};

function ParameterField({ idPrefix, parameter, problems }: { idPrefix: string; parameter: ParameterView; problems: string[] }) {
  const value = usePipeline((s) => s.params[parameter.name] ?? '');
  const setParameter = usePipeline((s) => s.setParameter);
  const definition = usePipeline((s) => s.definition);
  const suggestions = useMemo(
    () => (parameter.name === 'input_path' && definition ? [...definition.folderPaths, ...definition.blobPaths] : null),
    [parameter.name, definition],
  );
  const id = `${idPrefix}-param-${parameter.name}`;
  const invalid = problems.length > 0;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        <code>{parameter.name}</code>
      </label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        inputMode={parameter.type === 'int' ? 'numeric' : undefined}
        list={suggestions ? `${id}-list` : undefined}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => setParameter(parameter.name, e.target.value)}
      />
      {suggestions && (
        <datalist id={`${id}-list`}>
          {suggestions.map((path) => (
            <option key={path} value={path} />
          ))}
        </datalist>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {HINTS[parameter.name] ?? parameter.description} Default: <code>{String(parameter.default)}</code> ({parameter.type}).
      </p>
      {invalid && (
        <ul id={`${id}-error`} className="field-error">
          {problems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PipelineControls({ idPrefix }: { idPrefix: string }) {
  const definition = usePipeline((s) => s.definition);
  const errors = usePipeline((s) => s.errors);
  const regenerate = usePipeline((s) => s.regenerateOutputs);
  const busy = usePipeline((s) => s.busy);
  const store = usePipelineStore();
  const actions = store.getState();
  const placed = useMemo(() => placeErrors(errors, definition), [errors, definition]);
  const blocked = busy !== null;

  return (
    <div className="pipe-controls">
      <fieldset className="pipe-fieldset">
        <legend>Pipeline parameters (overridden for each run)</legend>
        <div className="widget-controls">
          {definition?.parameters.map((p) => (
            <ParameterField key={p.name} idPrefix={idPrefix} parameter={p} problems={(placed.byParameter[p.name] ?? []).map((e) => e.message)} />
          ))}
        </div>
        {placed.general.length > 0 && (
          <ul className="field-error">
            {placed.general.map((e) => (
              <li key={e.message}>{e.message}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="pipe-options">
        <label className="pipe-check">
          <input type="checkbox" checked={regenerate} aria-describedby={`${idPrefix}-regen-hint`} onChange={(e) => actions.setRegenerateOutputs(e.target.checked)} />
          <code>regenerate_outputs</code>
        </label>
        <p id={`${idPrefix}-regen-hint`} className="field-hint">
          Submit with <code>regenerate_outputs=True</code>: every step runs, whatever reuse would allow.
        </p>
      </div>
      <FaultPicker idPrefix={idPrefix} />
      <div className="pipe-actions">
        <button type="button" className="button-primary" aria-disabled={blocked} onClick={() => void actions.submitRun()}>
          {busy === 'run' ? 'Running…' : 'Run pipeline'}
        </button>
        <button type="button" className="button-secondary" aria-disabled={blocked} onClick={() => void actions.changeData()}>
          Change data in the datastore (same path)
        </button>
        <button type="button" className="button-secondary" aria-disabled={blocked} onClick={() => void actions.resetWorkspace()}>
          Reset workspace
        </button>
      </div>
    </div>
  );
}
