'use client';
// Whether the worker has been at the latest request long enough to say so.
// A quick what-if (tens of milliseconds) then changes nothing on screen but
// its result: a progress bar and an "updating" note that flash on and off
// with every slider step cost a redraw of the page each, and tell nothing.
import { useEffect, useState } from 'react';
import { useLab } from '@/app/_features/lab/use-lab';

export const LONG_RUN_MS = 300;

/** `working` (busy, or its sweeps still coming) once it has lasted LONG_RUN_MS for the latest request. */
export function useLongBusy(): { busy: boolean; working: boolean; long: boolean } {
  const busy = useLab((s) => s.busy);
  const working = useLab((s) => s.busy || s.sweepsPending);
  const requestId = useLab((s) => s.requestId);
  const [longFor, setLongFor] = useState(0);
  useEffect(() => {
    if (!working) return;
    const timer = setTimeout(() => setLongFor(requestId), LONG_RUN_MS);
    return () => clearTimeout(timer);
  }, [working, requestId]);
  return { busy, working, long: working && longFor === requestId };
}
