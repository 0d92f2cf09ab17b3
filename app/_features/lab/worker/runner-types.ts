// What the lab runner is given (its loaders and clock), what it is told while
// it works (hooks), and what a run gives back.
import type { OrtSource, OutputFile } from '@/engine/index';
import type { LabView, ProgressPhase, QualityView } from '../model/protocol';

export interface RunnerDeps {
  loadModel(): Promise<Uint8Array>;
  loadSensorBundle(): Promise<unknown>;
  ort?: OrtSource;
  /** Clock for throttling progress messages only; never reaches the engine. */
  now?: () => number;
}

export interface RunHooks {
  /** `fraction` is null while a phase cannot tell how far it is (one long engine call). */
  progress(phase: ProgressPhase, fraction: number | null): void;
  /** True once a newer request makes this one pointless. */
  isStale(): boolean;
  /** Lets queued messages (a newer request) arrive between simulations. */
  yieldNow(): Promise<void>;
}

export interface RunOutcome {
  view: LabView;
  /** Milliseconds per phase (data, simulate, view), for the bench's breakdown. */
  timings: Record<string, number>;
  /** The append_row file (null with summary_only), kept in the worker for a download. */
  output: OutputFile | null;
  /** Model quality of the scored output; computed on demand, after the view is sent. */
  quality(): Promise<QualityView | null>;
}
