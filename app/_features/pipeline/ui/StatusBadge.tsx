import type { StepStatus } from '@/engine/index';

/** A shape per status, so the badge never relies on colour alone (the text says it too). */
const GLYPH: Record<StepStatus, string> = {
  NotStarted: '○',
  Queued: '◔',
  Running: '▶',
  Completed: '✓',
  Failed: '✕',
  Canceled: '⊘',
  Reused: '↺',
};

export function StatusBadge({ status }: { status: StepStatus }) {
  return (
    <span className={`pipe-badge pipe-badge-${status.toLowerCase()}`} data-status={status}>
      <span aria-hidden="true">{GLYPH[status]}</span> {status}
    </span>
  );
}
