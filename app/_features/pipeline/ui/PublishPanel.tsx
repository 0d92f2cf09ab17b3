'use client';
// Publishing the pipeline, the curl command for the local server's real
// route, and a form that sends the same request with fetch.
import type { FormEvent } from 'react';
import { curlCommand } from '../model/curl';
import type { InvokeOutcome } from '../model/server-api';
import { usePipeline, usePipelineStore } from '../use-pipeline';
import { CopyButton } from '@/app/_platform/ui/CopyButton';
import { formatSeconds, formatUsd, formatUtc } from '@/app/_platform/format';

function InvokeResult({ result }: { result: InvokeOutcome }) {
  if (!result.ok) {
    return (
      <div className="pipe-note pipe-note-bad">
        <p>
          <strong>{result.status === null ? 'No answer' : `HTTP ${result.status}`}</strong>: {result.message}
        </p>
        {result.details.length > 0 && (
          <ul>
            {result.details.map((d) => (
              <li key={`${d.path}:${d.message}`}>
                {d.path && <code>{d.path}</code>} {d.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const { run } = result;
  return (
    <div className="pipe-note">
      <p>
        <strong>HTTP {result.status}</strong>: the server ran <code>{run.id}</code>, status <strong>{run.status}</strong>
        {run.submittedAt && `, submitted ${formatUtc(run.submittedAt)}`}, virtual duration {formatSeconds(run.durationSeconds, 'whole')}, cost {formatUsd(run.costUsd, 'sub-cent')}.
      </p>
      <ul className="pipe-invoked-steps" aria-label={`Steps of ${run.id} on the server`}>
        {run.steps.map((s) => (
          <li key={s.name}>
            {s.name}: {s.status}
          </li>
        ))}
      </ul>
      <details>
        <summary>Full JSON response</summary>
        <pre className="pipe-pre" tabIndex={0} aria-label="JSON response">
          {result.json}
        </pre>
      </details>
    </div>
  );
}

export function PublishPanel({ idPrefix, origin }: { idPrefix: string; origin: string }) {
  const store = usePipelineStore();
  const published = usePipeline((s) => s.published);
  const server = usePipeline((s) => s.server);
  const serverNote = usePipeline((s) => s.serverNote);
  const busy = usePipeline((s) => s.busy);
  const body = usePipeline((s) => s.invokeBody);
  const invoking = usePipeline((s) => s.invoking);
  const result = usePipeline((s) => s.invokeResult);
  const endpoint = server?.endpoint ?? published?.endpoint ?? '';
  const command = curlCommand(`${origin}${endpoint}`, body);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void store.getState().invoke();
  };

  return (
    <section className="pipe-publish" aria-labelledby={`${idPrefix}-publish-title`}>
      <h3 id={`${idPrefix}-publish-title`} className="widget-heading">
        Publish and invoke
      </h3>
      <p>
        Publishing validates the pipeline and keeps a snapshot of it under an id with a REST path. Each call to that path starts a run, with{' '}
        <code>ParameterAssignments</code> overriding the defaults.
      </p>
      <button type="button" className="button-primary" aria-disabled={busy !== null} onClick={() => void store.getState().publish()}>
        {busy === 'publish' ? 'Publishing…' : 'Publish pipeline'}
      </button>
      {published && (
        <div className="pipe-published">
          <p>
            Published in the simulator&apos;s workspace as <code>{published.id}</code>, REST path <code>{published.endpoint}</code>.
          </p>
          {server ? (
            <p>
              This site&apos;s server keeps its own workspace, where the chapter pipeline is published as <code>{server.id}</code>. The command and the form below call that
              pipeline on this server (your <code>allow_reuse</code> choices stay in the simulator).
            </p>
          ) : (
            <p className="pipe-note pipe-note-bad">{serverNote}</p>
          )}
          <pre id={`${idPrefix}-curl`} className="pipe-pre" tabIndex={0} aria-label="curl command">
            {command}
          </pre>
          <CopyButton text={command} label="Copy curl command" failedMessage="Copying is not allowed here: select the command and copy it by hand." />
          {server && (
            <form className="pipe-invoke" onSubmit={submit}>
              <label htmlFor={`${idPrefix}-body`} className="field-label">
                Request body (JSON)
              </label>
              <textarea
                id={`${idPrefix}-body`}
                rows={3}
                spellCheck={false}
                value={body}
                aria-describedby={`${idPrefix}-body-hint`}
                onChange={(e) => store.getState().setInvokeBody(e.target.value)}
              />
              <p id={`${idPrefix}-body-hint`} className="field-hint">
                Allowed fields: <code>ExperimentName</code>, <code>ParameterAssignments</code>, <code>Description</code>, <code>Tags</code>. Try an unknown parameter to see the 400.
              </p>
              <button type="submit" className="button-primary" aria-disabled={invoking}>
                {invoking ? 'Waiting for the server…' : 'Invoke'}
              </button>
            </form>
          )}
          <div className="pipe-invoke-result" aria-live="polite">
            {result && <InvokeResult result={result} />}
          </div>
        </div>
      )}
    </section>
  );
}
