'use client';

import '@/app/_platform/ui/widget.css';
import './schedule.css';
import { lazy } from 'react';
import { MountWhenVisible } from '@/app/_platform/ui/MountWhenVisible';

const Panel = lazy(() => import('./ScheduleExplorerPanel'));

/** MDX entry: a placeholder until the reader scrolls near, then the explorer (engine and luxon included). */
export function ScheduleExplorer() {
  return (
    <MountWhenVisible label="schedule explorer" minHeight="60rem" rootMargin="400px 0px">
      {() => <Panel />}
    </MountWhenVisible>
  );
}
