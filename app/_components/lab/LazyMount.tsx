'use client';
// Shows a skeleton until the widget scrolls near the viewport, then renders it.
// Nothing heavy (the lab code, recharts, the worker, onnxruntime) is fetched
// before that, so the chapter's text is never kept waiting.
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

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
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      // No observer (very old browser): start on the next frame instead.
      const frame = requestAnimationFrame(() => setVisible(true));
      return () => cancelAnimationFrame(frame);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setVisible(true);
        observer.disconnect();
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="lab-mount" style={{ minHeight }} data-lab-mounted={visible ? 'true' : 'false'}>
      {visible ? <Suspense fallback={<LabSkeleton label={label} />}>{children()}</Suspense> : <LabSkeleton label={label} />}
    </div>
  );
}
