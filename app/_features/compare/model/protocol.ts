// Messages between the batch-vs-real-time widget and its worker. Plain data
// only: the options go in without the `pause` hook (the worker supplies its
// own), and the engine's Comparison comes back as it is.
import type { CompareOptions, Comparison } from '@/engine/index';

export type SweepOptions = Omit<CompareOptions, 'pause'>;

export interface CompareRequest {
  id: number;
  options: SweepOptions;
}

export type CompareOutcome =
  | { type: 'compared'; comparison: Comparison }
  /** A newer request arrived before this sweep finished; its result was dropped. */
  | { type: 'superseded' }
  | { type: 'error'; message: string };

export type CompareResponse = CompareOutcome & { id: number };
