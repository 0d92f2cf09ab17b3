// Whether a link's run shows what its sentence says: the claim is checked
// against the same view and sweeps the lab draws, so a link cannot promise
// a failure the learner would not see.
import type { LabView, SweepPoint } from './protocol';
import type { LabLink, LinkClaim } from './watch';

export interface ClaimEvidence {
  view: LabView;
  sweep?: SweepPoint[];
}

const someOrNone = (count: number): 'some' | 'none' => (count > 0 ? 'some' : 'none');

/** What the run actually shows, in the claim's own terms. */
export function observedClaim(link: LabLink, { view, sweep }: ClaimEvidence): LinkClaim {
  const observed: LinkClaim = {
    status: view.status,
    failedMiniBatches: someOrNone(view.counts.miniBatchesFailed),
    retries: someOrNone(view.attemptCounts.retried ?? 0),
    timeouts: someOrNone(view.attemptCounts.timeout ?? 0),
    preemptions: someOrNone(view.preemptions),
    output: view.output ? 'file' : 'none',
    workers: view.settings.nodeCount * view.settings.processCountPerNode,
  };
  if (link.expect.startupOver !== undefined && (view.firstReadyAt ?? 0) > link.expect.startupOver) observed.startupOver = link.expect.startupOver;
  const failure = view.failure?.kind === 'threshold' ? view.failure.thresholds[0] : view.failure?.rule;
  if (failure) observed.failure = failure;
  if (link.log && (view.logs[link.log.file] ?? '').toLowerCase().includes(link.log.find.toLowerCase())) observed.log = true;
  const shown = sweep && sweepShows(link.expect.sweep, sweep);
  if (shown) observed.sweep = shown;
  return observed;
}

function sweepShows(claim: LinkClaim['sweep'], points: SweepPoint[]): LinkClaim['sweep'] {
  if (claim === 'some-size-fails') return points.some((p) => p.status === 'Failed') ? claim : undefined;
  if (claim === 'more-nodes-faster-costlier') {
    const done = points.filter((p) => p.status === 'Completed');
    const first = done[0];
    const last = done[done.length - 1];
    return first && last && last.value > first.value && last.durationSeconds < first.durationSeconds && last.costUsd > first.costUsd ? claim : undefined;
  }
  return undefined;
}

/** Each claimed value the run does not show, as "field: claimed X, the run shows Y". */
export function claimMismatches(link: LabLink, evidence: ClaimEvidence): string[] {
  const observed: Record<string, unknown> = { ...observedClaim(link, evidence) };
  return Object.entries(link.expect).flatMap(([field, claimed]) =>
    observed[field] === claimed ? [] : [`${field}: the link claims ${JSON.stringify(claimed)}, the run shows ${JSON.stringify(observed[field] ?? 'nothing of the kind')}`],
  );
}
