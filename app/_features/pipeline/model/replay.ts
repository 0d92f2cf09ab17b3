// The replay of a finished run over virtual time: the engine reports every
// status a step went through and when; the graph shows the one in force at
// the replay's current time.
import type { StepStatus } from '@/engine/index';
import type { RunView } from './protocol';

/** Real milliseconds a whole replay takes, however long the run was in virtual time. */
export const REPLAY_MS = 2400;

/** The status entered last at or before `t` (history must be in time order). */
export function statusAt(history: readonly { status: StepStatus; at: number }[], t: number): StepStatus {
  let status: StepStatus = 'NotStarted';
  for (const entry of history) {
    if (entry.at > t) break;
    status = entry.status;
  }
  return status;
}

/** Virtual time at which the last step settles. */
export function replayEnd(run: RunView): number {
  return run.steps.reduce((max, s) => Math.max(max, ...s.history.map((h) => h.at)), 0);
}
