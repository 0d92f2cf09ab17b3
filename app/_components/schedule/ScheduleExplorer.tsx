'use client';

import { lazy, Suspense } from 'react';
import { LazyWhenVisible, WidgetSkeleton } from './LazyWhenVisible';

const Panel = lazy(() => import('./ScheduleExplorerPanel'));

/** MDX entry: a placeholder until the reader scrolls near, then the explorer (engine and luxon included). */
export function ScheduleExplorer() {
  return (
    <LazyWhenVisible label="schedule explorer" minHeight="60rem">
      {() => (
        <Suspense fallback={<WidgetSkeleton label="schedule explorer" />}>
          <Panel />
        </Suspense>
      )}
    </LazyWhenVisible>
  );
}
