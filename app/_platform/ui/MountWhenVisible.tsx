'use client';
// Mount-on-visible for the chapter's widgets: a placeholder keeps the space
// until the slot comes near the viewport, and only then is the widget rendered
// (and its lazily imported code, worker or wasm fetched). The chapter's text
// never waits for a widget the reader has not reached.
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far ahead of the viewport a slot starts loading, so the widget is ready when it scrolls in. */
export const DEFAULT_ROOT_MARGIN = '300px 0px';

export function WidgetSkeleton({ label }: { label: string }) {
  return (
    <div className="widget-skeleton" role="status">
      {`Loading the ${label}…`}
    </div>
  );
}

interface Props {
  /** What loads here, e.g. "pipeline graph": the placeholder text and the slot's data-widget. */
  label: string;
  /** Height kept free while loading, so the page does not jump when the widget arrives. */
  minHeight: string;
  /** Called only once visible, so nothing it imports is requested before then. */
  children: () => ReactNode;
  /** A placeholder of the caller's own (default: WidgetSkeleton), shown before and while loading. */
  skeleton?: ReactNode;
  /** Class of the slot (default "widget-slot"). */
  className?: string;
  rootMargin?: string;
}

function useNearViewport(rootMargin: string) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      // No observer (very old browsers, test DOMs): mount on the next task instead.
      const timer = setTimeout(() => setVisible(true), 0);
      return () => clearTimeout(timer);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setVisible(true);
        observer.disconnect();
      },
      { rootMargin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [rootMargin]);
  return { ref, visible };
}

/**
 * The slot says whether it has mounted in `data-mounted` ("true"/"false"), so
 * tests and tools can wait for every widget on a page without knowing each one.
 */
export function MountWhenVisible({ label, minHeight, children, skeleton, className = 'widget-slot', rootMargin = DEFAULT_ROOT_MARGIN }: Props) {
  const { ref, visible } = useNearViewport(rootMargin);
  const placeholder = skeleton ?? <WidgetSkeleton label={label} />;
  return (
    <div ref={ref} className={className} style={{ minHeight }} data-widget={label} data-mounted={visible ? 'true' : 'false'}>
      {visible ? <Suspense fallback={placeholder}>{children()}</Suspense> : placeholder}
    </div>
  );
}
