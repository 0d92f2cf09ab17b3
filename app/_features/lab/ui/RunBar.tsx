'use client';
// Replays the finished job over virtual time: Run, Pause, Step, Reset and a
// speed. The worker has already computed the whole run; the replay only moves
// a cursor, a few times a second, so the page never works hard while it plays.
import { useEffect, useSyncExternalStore } from 'react';
import type { ProgressPhase } from '@/app/_features/lab/model/protocol';
import type { LabSettings } from '@/app/_features/lab/model/settings';
import { SPEEDS } from '@/app/_features/lab/store';
import { useLab, useLabStore } from '@/app/_features/lab/use-lab';
import { formatCount, formatSeconds } from './format';
import { useLongBusy } from './use-long-busy';

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

/**
 * Advances the replay cursor while playing, from animation frames: each move
 * lands at the start of a frame, so what it redraws is painted in that frame
 * (a timer could fire mid-frame and be drawn a frame late, or twice in one).
 * A move is due every FRAME_MS and made in the first frame after; a hidden
 * tab runs no frames, and the replay resumes from where it was when shown.
 */
function usePlaybackLoop() {
  const store = useLabStore();
  const playing = useLab((s) => s.playback.playing);
  useEffect(() => {
    if (!playing) return;
    let last: number | null = null;
    let frame = requestAnimationFrame(function tick(now) {
      frame = requestAnimationFrame(tick);
      if (last === null) last = now;
      const elapsed = now - last;
      if (elapsed < FRAME_MS) return;
      last = now;
      const { playback } = store.getState();
      // A long pause (a hidden tab) does not skip the replay ahead.
      store.getState().setTime((playback.t ?? 0) + (Math.min(elapsed, 4 * FRAME_MS) / 1000) * playback.speed);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}

const PHASES: Record<ProgressPhase, string> = {
  model: 'Loading the model',
  data: 'Generating the data',
  runtime: 'Starting onnxruntime (first run only)',
  simulate: 'Simulating the job',
  view: 'Preparing the charts',
  sweep: 'Running the what-if sweeps',
};

// A phase that cannot measure itself (one long engine call) fills the bar with
// still stripes: activity, not a share. Inline, as the bar's fill already is.
const STRIPES = { background: 'repeating-linear-gradient(135deg, var(--accent) 0 0.45rem, transparent 0.45rem 0.9rem)', opacity: 0.6 } as const;

function phaseLabel(phase: ProgressPhase | null, settings: LabSettings): string {
  if (!phase) return 'Starting the simulator';
  if (phase !== 'data') return PHASES[phase];
  return settings.dataset === 'file' ? `Reading ${formatCount(settings.rows)} sensor files` : `Generating ${formatCount(settings.rows)} credit-risk rows`;
}

/**
 * What the worker is doing for the latest request, phase by phase, as it
 * reports it: the data first (generated a slice at a time, so with a
 * share), then the run's progress, then the what-if sweeps. Shown for long
 * runs only (see useLongBusy).
 */
export function ProgressBar() {
  const { busy, working, long } = useLongBusy();
  const progress = useLab((s) => s.progress);
  const settings = useLab((s) => s.settings);
  // data-lab-working tells tests and the bench when the worker has finished everything for the latest change.
  if (!long) return <div className="lab-progress-slot" data-lab-working={working} />;
  // After the result, before the sweeps report: they are what is left.
  const label = phaseLabel(progress?.phase ?? (busy ? null : 'sweep'), settings);
  const fraction = progress ? progress.fraction : null;
  const value = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="lab-progress-slot" data-lab-working={working}>
      <div
        className="lab-progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value === null ? `${label}…` : `${label}: ${value} %`}
        data-phase={progress?.phase ?? 'start'}
      >
        <div className="lab-progress-fill" style={value === null ? STRIPES : { transform: `scaleX(${value / 100})` }} />
      </div>
      <span className="lab-progress-label">
        {label}…{value === null ? '' : ` ${value} %`}
      </span>
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
