// How the lab's state changes when the worker answers: a pure function, so
// stale answers (for a request that is no longer the newest) change nothing.
import type { SweepKind, WorkerMessage } from './model/protocol';
import type { LabState } from './store';

type Answer = Exclude<WorkerMessage, { type: 'output' }>;

export function stateAfter(state: LabState, message: Answer, sweepKinds: readonly SweepKind[]): Partial<LabState> | null {
  // id -1: the worker itself crashed, which concerns the latest request too.
  if (message.id !== state.requestId && message.id !== -1) return null;
  switch (message.type) {
    case 'progress':
      return { progress: { phase: message.phase, fraction: message.fraction } };
    case 'result':
      return { view: message.view, viewId: message.id, busy: false, progress: null, playback: { ...state.playback, t: null, playing: false } };
    case 'quality':
      return { quality: message.quality, qualityId: message.id };
    case 'sweep': {
      const sweeps = { ...state.sweeps, [message.kind]: { id: message.id, points: message.points } };
      // The last sweep ends the background work for this request.
      const done = sweepKinds.every((kind) => sweeps[kind]?.id === message.id);
      return { sweeps, ...(done && { progress: null, sweepsPending: false }) };
    }
    case 'error':
      return { error: message.message, busy: false, sweepsPending: false, progress: null };
  }
}
