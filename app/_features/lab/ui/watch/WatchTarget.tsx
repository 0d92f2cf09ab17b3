'use client';
// Marks the part of the lab a link points at: an outline, the link's own
// sentence beside it, and one scroll to it when the run arrives.
import { useEffect, useRef, type ReactNode } from 'react';
import type { WatchTarget as Target } from '@/app/_features/lab/model/watch';
import { usePrefersReducedMotion } from '@/app/_platform/ui/use-reduced-motion';
import { useWatch, useWatchActive } from './WatchContext';

const SETTLE_MS = 4000;
const INTERACTIONS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Scrolls to the target, and again whenever the page above it changes size
 * in the first seconds (charts load lazily, logs render deferred, and they
 * push it down), unless the learner has started scrolling themselves.
 */
function scrollIntoViewWhileSettling(element: HTMLElement | null, reduced: boolean): () => void {
  if (!element) return () => {};
  element.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
  const observer = new ResizeObserver(() => element.scrollIntoView({ block: 'start' }));
  observer.observe(document.body);
  const timer = window.setTimeout(() => stop(), SETTLE_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
    for (const type of INTERACTIONS) window.removeEventListener(type, stop);
  }
  for (const type of INTERACTIONS) window.addEventListener(type, stop, { passive: true });
  return stop;
}

export function WatchTarget({ targets, children }: { targets: readonly Target[]; children: ReactNode }) {
  const watch = useWatch();
  const active = useWatchActive(targets);
  const reduced = usePrefersReducedMotion();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!active) return;
    return scrollIntoViewWhileSettling(ref.current, reduced);
    // Once, when the highlight first comes on: later renders must not pull the page back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);
  if (!watch) return <>{children}</>;
  return (
    <div ref={ref} id={active ? 'lab-watch-target' : undefined} className={active ? 'lab-watch-target lab-watch-on' : 'lab-watch-target'} data-watch={active ? watch.show : undefined}>
      {active && (
        <p className="lab-watch-label" data-testid="lab-watch-label">
          <strong>What to watch:</strong> {watch.sentence}
        </p>
      )}
      {children}
    </div>
  );
}
