'use client';
// The run as a whole: totals, the parameters it ran with, and the note on the
// datastore gotcha when the data behind a path changed before the run.
import type { DataChangeView, DefinitionView, RunView } from '../model/protocol';
import { usePipeline } from '../use-pipeline';
import { formatSeconds, formatUsd, formatUtc } from '@/app/_platform/format';

function Totals({ run }: { run: RunView }) {
  const reused = run.steps.filter((s) => s.status === 'Reused').length;
  return (
    <dl className="pipe-totals">
      <div>
        <dt>run</dt>
        <dd>{run.id}</dd>
      </div>
      <div>
        <dt>status</dt>
        <dd className={run.status === 'Completed' ? 'pipe-ok' : 'pipe-bad'}>{run.status}</dd>
      </div>
      <div>
        <dt>submitted</dt>
        <dd>{formatUtc(run.submittedAt)}</dd>
      </div>
      <div>
        <dt>virtual duration</dt>
        <dd>{formatSeconds(run.durationSeconds, 'whole')}</dd>
      </div>
      <div>
        <dt>cost</dt>
        <dd>{formatUsd(run.costUsd, 'sub-cent')}</dd>
      </div>
      <div>
        <dt>steps reused</dt>
        <dd>
          {reused} of {run.steps.length}
        </dd>
      </div>
    </dl>
  );
}

/** Steps that read a datastore path directly (the ones a blob rewrite concerns). */
function readers(definition: DefinitionView | null): string[] {
  return definition?.steps.filter((s) => s.inputs.some((i) => i.from === undefined)).map((s) => s.name) ?? [];
}

function GotchaNote({ run, change, definition }: { run: RunView; change: DataChangeView; definition: DefinitionView | null }) {
  const blob = `${change.datastore}/${change.path}`;
  const affected = run.steps.filter((s) => readers(definition).includes(s.name));
  const reused = affected.filter((s) => s.status === 'Reused').map((s) => s.name);
  if (reused.length === 0) {
    return (
      <p className="pipe-note">
        <code>{blob}</code> was rewritten before this run, and {affected.map((s) => s.name).join(', ') || 'no step'} ran this time, so the new content was read.
      </p>
    );
  }
  return (
    <div className="pipe-note pipe-note-warn" role="note">
      <p>
        <strong>Reuse did not notice the new data.</strong> <code>{blob}</code> holds different applicants now, yet {reused.join(', ')} was Reused. Reuse looks at a
        step&apos;s definition, its parameters and the <em>path</em> of each input, never at the bytes behind the path, so these results still come from the old file.
      </p>
      <p>
        To read the new data, tick <code>regenerate_outputs</code> or clear <code>allow_reuse</code> on {reused.join(', ')}, then run again.
      </p>
    </div>
  );
}

/** A failed run in one line: which step failed and the engine's reason, as Azure's run details show it. */
function FailureNote({ run }: { run: RunView }) {
  const failed = run.steps.filter((s) => s.status === 'Failed');
  if (run.status !== 'Failed' || failed.length === 0) return null;
  const canceled = run.steps.filter((s) => s.status === 'Canceled').map((s) => s.name);
  return (
    <div className="pipe-note pipe-note-bad">
      {failed.map((s) => (
        <p key={s.name}>
          <strong>{s.name} failed</strong>: {s.error ?? 'no reason was recorded'}
        </p>
      ))}
      {canceled.length > 0 && <p>Canceled because of it: {canceled.join(', ')}.</p>}
    </div>
  );
}

export function RunSummary() {
  const run = usePipeline((s) => s.run);
  const busy = usePipeline((s) => s.busy);
  const definition = usePipeline((s) => s.definition);
  const runChange = usePipeline((s) => s.runDataChange);
  const pending = usePipeline((s) => s.pendingDataChange);

  return (
    <div className="pipe-summary">
      {busy === 'run' && <p className="pipe-muted">The steps are running in the simulator&apos;s worker…</p>}
      {run && busy !== 'run' && (
        <>
          <Totals run={run} />
          <p className="pipe-params">
            parameters:{' '}
            {Object.entries(run.parameters).map(([name, value], i) => (
              <span key={name}>
                {i > 0 && ', '}
                <code>
                  {name}={JSON.stringify(value)}
                </code>
              </span>
            ))}
            {run.regenerateOutputs && (
              <>
                {', '}
                <code>regenerate_outputs=True</code>
              </>
            )}
          </p>
          <FailureNote run={run} />
          {runChange && <GotchaNote run={run} change={runChange} definition={definition} />}
        </>
      )}
      {pending && (
        <p className="pipe-note">
          <code>
            {pending.datastore}/{pending.path}
          </code>{' '}
          was rewritten at {formatUtc(pending.modified)} (virtual time) with {pending.bytes.toLocaleString('en-US')} bytes of new applicants; its path is
          unchanged. Run the pipeline to see whether reuse notices.
        </p>
      )}
    </div>
  );
}
