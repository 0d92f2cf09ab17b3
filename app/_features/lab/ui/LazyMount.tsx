'use client';
// Shows a skeleton until the widget scrolls near the viewport, then renders it.
// Nothing heavy (the lab code, recharts, the worker, onnxruntime) is fetched
// before that, so the chapter's text is never kept waiting.
import { startTransition, Suspense, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * Whether the element is on screen or within `rootMargin` of it (always true
 * without an element or without IntersectionObserver). With `once` it stays
 * true after the first time. The change is applied as a transition: what it
 * reveals is rendered in slices, so mounting a whole widget is never one long task.
 */
export function useNearViewport(ref: RefObject<Element | null> | undefined, rootMargin: string, once: boolean): boolean {
  const [near, setNear] = useState(!ref);
  useEffect(() => {
    const el = ref?.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      startTransition(() => setNear(true));
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const now = entries.some((e) => e.isIntersecting);
        if (once && !now) return;
        startTransition(() => setNear(now));
        if (once) observer.disconnect();
      },
      { rootMargin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, rootMargin, once]);
  return near;
}

export function LabSkeleton({ label }: { label: string }) {
  return (
    <div className="lab-skeleton">
      <p className="lab-skeleton-title">{label}</p>
      <p className="lab-muted">The simulator starts when you scroll here.</p>
    </div>
  );
}

export function LazyMount({ label, minHeight, children }: { label: string; minHeight: string; children: () => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = useNearViewport(ref, '300px 0px', true);
  return (
    <div ref={ref} className="lab-mount" style={{ minHeight }} data-lab-mounted={visible ? 'true' : 'false'}>
      {visible ? <Suspense fallback={<LabSkeleton label={label} />}>{children()}</Suspense> : <LabSkeleton label={label} />}
    </div>
  );
}
