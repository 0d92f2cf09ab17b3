'use client';

import '@/app/_platform/ui/widget.css';
import './compare.css';
import { lazy } from 'react';
import { MountWhenVisible } from '@/app/_platform/ui/MountWhenVisible';

const Panel = lazy(() => import('./BatchVsRealtimePanel'));

/** MDX entry: a placeholder until the reader scrolls near; the comparison, its worker and recharts load then. */
export function BatchVsRealtime() {
  return (
    <MountWhenVisible label="batch versus real-time comparison" minHeight="52rem" rootMargin="400px 0px">
      {() => <Panel />}
    </MountWhenVisible>
  );
}
