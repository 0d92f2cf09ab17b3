'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** What is loading, for the placeholder text and screen readers. */
  label: string;
  /** Height kept free while loading, so the page does not jump when the widget arrives. */
  minHeight: string;
  children: () => ReactNode;
}

/**
 * Renders `children` only once the placeholder comes near the viewport, so a
 * widget's code (and recharts) is fetched when the reader gets there, never
 * as part of the chapter's first load.
 */
export function LazyWhenVisible({ label, minHeight, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      // No observer (very old browser, some test DOMs): load straight after mounting.
      const timer = setTimeout(() => setVisible(true));
      return () => clearTimeout(timer);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} className="widget-slot" data-widget={label} style={{ minHeight }}>
      {visible ? children() : <WidgetSkeleton label={label} />}
    </div>
  );
}

export function WidgetSkeleton({ label }: { label: string }) {
  return (
    <div className="widget-skeleton" role="status">
      {`Loading the ${label}…`}
    </div>
  );
}
