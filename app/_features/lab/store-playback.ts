// The replay controls: the lab's clock over a finished result. Plain state
// changes, kept apart from the store's run and worker bookkeeping.
import type { LabActions, LabState } from './store';

type Get = () => LabState;
type Set = (partial: Partial<LabState> | ((s: LabState) => Partial<LabState>)) => void;

export function playbackActions(get: Get, set: Set): Pick<LabActions, 'play' | 'pause' | 'step' | 'rewind' | 'setSpeed' | 'setTime'> {
  return {
    play(reducedMotion) {
    const { view, playback } = get();
    if (!view) return;
    const atEnd = playback.t === null || playback.t >= view.durationSeconds;
    // Without motion, "run" means "show the finished job".
    if (reducedMotion) set({ playback: { ...playback, t: null, playing: false } });
    else set({ playback: { ...playback, t: atEnd ? 0 : playback.t, playing: true } });
  },
  pause: () => set((s) => ({ playback: { ...s.playback, playing: false } })),
  step() {
    const { view, playback } = get();
    if (!view) return;
    const now = playback.t ?? 0;
    const next = view.eventTimes.find((time) => time > now + 1e-9);
    set({ playback: { ...playback, playing: false, t: next === undefined || next >= view.durationSeconds ? null : next } });
  },
  rewind: () => set((s) => ({ playback: { ...s.playback, playing: false, t: 0 } })),
  setSpeed: (speed) => set((s) => ({ playback: { ...s.playback, speed } })),
  setTime(t) {
    const { view, playback } = get();
    const end = view?.durationSeconds ?? 0;
    set({ playback: t === null || t >= end ? { ...playback, t: null, playing: false } : { ...playback, t } });
  },
  };
}
