'use client';
// Renders the widget only once its placeholder nears the viewport. Until then
// a skeleton keeps the space, and nothing heavy (the widget code, the worker,
// the engine, onnxruntime) is fetched: the chapter text never waits for it.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function PipelineSkeleton() {
  return (
    <div className="widget-skeleton pipe-skeleton" role="status">
      Loading the pipeline graph…
    </div>
  );
}

export function PipelineLazyMount({ minHeight, children }: { minHeight: string; children: () => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      // No observer (old browsers, test DOMs): show the widget on the next task.
      const timer = setTimeout(() => setVisible(true), 0);
      return () => clearTimeout(timer);
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
    <div ref={ref} className="widget-slot" style={{ minHeight }} data-pipeline-mounted={visible ? 'true' : 'false'}>
      {visible ? children() : <PipelineSkeleton />}
    </div>
  );
}
