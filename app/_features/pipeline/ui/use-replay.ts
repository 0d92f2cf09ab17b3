'use client';
// Replays a finished run over virtual time: the badges step through the
// statuses the engine recorded, in REPLAY_MS of real time. Without animation
// (reduced motion) the final statuses show at once.
import { useEffect, useState } from 'react';
import { REPLAY_MS, replayEnd } from '../model/replay';
import type { RunView } from '../model/protocol';

/** The virtual second to show; Infinity means the end of the run. */
export function useReplayTime(run: RunView | null, animate: boolean): number {
  const [clock, setClock] = useState<{ run: RunView | null; elapsed: number }>({ run: null, elapsed: Infinity });

  useEffect(() => {
    if (!run || !animate) return;
    let frame = 0;
    const started = performance.now();
    const tick = (now: number) => {
      const elapsed = now - started;
      setClock({ run, elapsed });
      if (elapsed < REPLAY_MS) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [run, animate]);

  if (!run || !animate) return Infinity;
  if (clock.run !== run) return 0;
  return clock.elapsed >= REPLAY_MS ? Infinity : (clock.elapsed / REPLAY_MS) * replayEnd(run);
}
