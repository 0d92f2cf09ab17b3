'use client';
// Replays the finished job over virtual time: Run, Pause, Step, Reset and a
// speed. The worker has already computed the whole run; the replay only moves
// a cursor, a few times a second, so the page never works hard while it plays.
import { useEffect, useSyncExternalStore } from 'react';
import { SPEEDS } from '@/app/_lab/store';
import { useLab, useLabStore } from '@/app/_lab/use-lab';
import { formatSeconds } from './format';

const FRAME_MS = 100;

const motionQuery = () => window.matchMedia('(prefers-reduced-motion: reduce)');
function subscribeMotion(onChange: () => void) {
  const query = motionQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, () => motionQuery().matches, () => false);
}

/** Advances the replay cursor while playing. */
function usePlaybackLoop() {
  const store = useLabStore();
  const playing = useLab((s) => s.playback.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const timer = window.setInterval(() => {
      const now = performance.now();
      const { playback } = store.getState();
      store.getState().setTime((playback.t ?? 0) + ((now - last) / 1000) * playback.speed);
      last = now;
    }, FRAME_MS);
    return () => window.clearInterval(timer);
  }, [playing, store]);
}

const PHASES = { model: 'Loading the model', data: 'Preparing the data', simulate: 'Simulating the job', view: 'Preparing the charts', sweep: 'Running the what-if sweeps' } as const;

export function ProgressBar() {
  const busy = useLab((s) => s.busy);
  const progress = useLab((s) => s.progress);
  if (!busy && progress?.phase !== 'sweep') return <div className="lab-progress-slot" />;
  const phase = progress ? PHASES[progress.phase] : 'Starting the simulator';
  const value = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <div className="lab-progress-slot">
      <div className="lab-progress" role="progressbar" aria-label={phase} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={`${phase}: ${value} %`}>
        <div className="lab-progress-fill" style={{ transform: `scaleX(${value / 100})` }} />
      </div>
      <span className="lab-progress-label">{phase}…</span>
    </div>
  );
}

export function RunBar() {
  usePlaybackLoop();
  const reducedMotion = useReducedMotion();
  const view = useLab((s) => s.view);
  const playback = useLab((s) => s.playback);
  // Actions never change, so they are read once instead of subscribed to.
  const { play, pause, step, rewind, setSpeed } = useLabStore().getState();
  const end = view?.durationSeconds ?? 0;
  const t = playback.t ?? end;
  return (
    <div className="lab-runbar" role="group" aria-label="Replay the job">
      <div className="lab-runbar-buttons">
        {playback.playing ? (
          <button type="button" className="lab-button" onClick={pause}>
            Pause
          </button>
        ) : (
          <button type="button" className="lab-button lab-button-primary" onClick={() => play(reducedMotion)} disabled={!view}>
            Run
          </button>
        )}
        <button type="button" className="lab-button" onClick={step} disabled={!view}>
          Step
        </button>
        <button type="button" className="lab-button" onClick={rewind} disabled={!view}>
          Reset
        </button>
        <label className="lab-speed">
          <span>Speed</span>
          <select className="lab-select" value={playback.speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}× virtual time
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="lab-clock" aria-live="off">
        Virtual time <strong>{formatSeconds(t)}</strong> of {formatSeconds(end)}
        {reducedMotion && <span className="lab-muted"> · reduced motion: Run jumps to the end</span>}
      </p>
      <ProgressBar />
    </div>
  );
}
