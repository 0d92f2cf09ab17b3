'use client';

import { lazy, Suspense } from 'react';
import { LazyWhenVisible, WidgetSkeleton } from '../schedule/LazyWhenVisible';

const Panel = lazy(() => import('./BatchVsRealtimePanel'));

/** MDX entry: a placeholder until the reader scrolls near; the comparison and recharts load then. */
export function BatchVsRealtime() {
  return (
    <LazyWhenVisible label="batch versus real-time comparison" minHeight="52rem">
      {() => (
        <Suspense fallback={<WidgetSkeleton label="batch versus real-time comparison" />}>
          <Panel />
        </Suspense>
      )}
    </LazyWhenVisible>
  );
}
