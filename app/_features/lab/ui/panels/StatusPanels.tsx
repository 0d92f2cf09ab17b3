'use client';
// The job's verdict and its numbers. While a replay is running they describe
// the moment on screen; at the end, the engine's final result.
import type { LabView, TimePoint } from '@/app/_features/lab/model/protocol';
import type { FailureCause } from '@/engine/index';
import { describeMiniBatches, plural } from '@/engine/parallel-run/outcome';
import { hasProblems } from '@/app/_features/lab/model/config';
import { useLab } from '@/app/_features/lab/use-lab';
import { formatCount, formatSeconds, formatUsd } from '../format';
import { useLongBusy } from '../use-long-busy';

/** The cumulative totals at virtual time t. */
export function progressAt(points: readonly TimePoint[], t: number): TimePoint {
  let found = points[0] ?? { t: 0, succeeded: 0, failed: 0, failedBatches: 0 };
  for (const point of points) {
    if (point.t > t) break;
    found = point;
  }
  return found;
}

/** Where in the job's life it failed: the first thing to know when troubleshooting. */
export function failureStage(failure: FailureCause, names?: readonly string[]): string {
  if (failure.kind === 'threshold') return `Failed while scoring: ${(names ?? failure.thresholds).join(' and ')} exceeded`;
  if (failure.rule === 'datastore_access') return 'Failed while mounting the datastore, before any process started';
  if (failure.rule === 'output_exists') return 'Failed while writing the output: a file of that name was already there, and it is never overwritten';
  return 'Failed in init(): processes kept failing to start (a system error)';
}

export function StatusBanner() {
  const view = useLab((s) => s.view);
  const t = useLab((s) => s.playback.t);
  const invalid = useLab((s) => hasProblems(s.problems));
  const error = useLab((s) => s.error);
  const { busy, long } = useLongBusy();
  let notice: string | null = null;
  if (invalid) {
    notice = view
      ? 'The settings are not valid (see the messages beside the controls). The charts still show the last valid run.'
      : 'The settings are not valid (see the messages beside the controls), so nothing has run yet. Fix them and the job runs.';
  }
  else if (error) notice = `The simulator rejected the request: ${error}`;
  const running = view && t !== null && t < view.durationSeconds;
  return (
    <div className="lab-status-area">
      <div className={`lab-status ${!view ? 'lab-status-waiting' : running ? 'lab-status-running' : view.status === 'Completed' ? 'lab-status-ok' : 'lab-status-failed'}`} role="status" aria-live="polite" aria-atomic="true">
        {!view ? (
          <p className="lab-status-title">{busy ? 'Running the first simulation…' : 'Waiting for the simulator…'}</p>
        ) : running ? (
          // The clock beside the Run button shows the time; a live region that changed ten times a second would flood a screen reader.
          <p className="lab-status-title">Running (replay)</p>
        ) : (
          <>
            <p className="lab-status-title" data-testid="lab-status">
              {view.status}
              {busy && long && <span className="lab-muted"> · updating…</span>}
            </p>
            {view.failure && <p className="lab-status-stage" data-testid="lab-failure-stage">{failureStage(view.failure, view.failedSettings)}</p>}
            {view.failureReason && <p className="lab-status-reason">{view.failureReason}</p>}
          </>
        )}
      </div>
      {notice && (
        <p className="lab-notice" role="alert">
          {notice}
        </p>
      )}
    </div>
  );
}

/** Which count a lab link's "show" points at (the watch highlight marks that row). */
const WATCH_TERMS: Record<string, string> = {
  'Mini-batches': 'failed-mini-batches',
  'Mini-batches failed so far': 'failed-mini-batches',
  'Virtual duration': 'duration',
  'Illustrative cost': 'cost',
  Preemptions: 'preemptions',
};

function Counts({ view, t }: { view: LabView; t: number | null }) {
  const now = t === null ? null : progressAt(view.progress, t);
  const c = view.counts;
  const workers = view.settings.nodeCount * view.settings.processCountPerNode;
  const rows: [string, string][] = now
    ? [
        ['Items succeeded so far', formatCount(now.succeeded)],
        ['Items failed so far', formatCount(now.failed)],
        ['Mini-batches failed so far', formatCount(now.failedBatches)],
      ]
    : [
        ['Items', `${formatCount(c.items)} total`],
        ['Items succeeded', formatCount(c.itemsSucceeded)],
        ['Items failed', formatCount(c.itemsFailed)],
        ['Items not run', formatCount(c.itemsNotRun)],
        ['Mini-batches', describeMiniBatches(c, view.outcomes, formatCount)],
      ];
  rows.push(
    ['Workers', `${plural(view.settings.nodeCount, 'node')} × ${plural(view.settings.processCountPerNode, 'process', 'processes')} = ${workers} on ${view.settings.priority} ${view.settings.vmSize}`],
    ['Virtual duration', formatSeconds(view.durationSeconds)],
    ['Illustrative cost', formatUsd(view.costUsd)],
  );
  if (view.preemptions > 0) rows.push(['Preemptions', String(view.preemptions)]);
  return (
    <dl className="lab-counts" data-testid="lab-counts">
      {rows.map(([term, value]) => (
        <div key={term} className="lab-count" data-term={WATCH_TERMS[term]}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CountsPanel() {
  const view = useLab((s) => s.view);
  const t = useLab((s) => s.playback.t);
  if (!view) return <div className="lab-counts lab-skeleton-block" aria-hidden="true" />;
  return <Counts view={view} t={t} />;
}
