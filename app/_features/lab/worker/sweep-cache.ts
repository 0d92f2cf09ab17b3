// Sweep results kept for reuse: moving node_count leaves the node_count
// sweep's jobs as they were, so the same job is never simulated twice.
import type { SweepPoint } from '../model/protocol';

export type SweepOutcome = Pick<SweepPoint, 'status' | 'durationSeconds' | 'costUsd' | 'failedItems' | 'miniBatches' | 'startupSeconds'>;

export const INVALID_SWEEP_OUTCOME: SweepOutcome = { status: 'Invalid', durationSeconds: 0, costUsd: 0, failedItems: 0, miniBatches: 0, startupSeconds: 0 };

/** A bounded map that forgets its oldest entry first (a Map keeps insertion order). */
export class SweepCache {
  private readonly entries = new Map<string, SweepOutcome>();

  constructor(private readonly capacity = 256) {}

  get(key: string): SweepOutcome | undefined {
    return this.entries.get(key);
  }

  set(key: string, outcome: SweepOutcome): void {
    this.entries.set(key, outcome);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
