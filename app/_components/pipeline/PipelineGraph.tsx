'use client';
// MDX entry for the pipeline graph: a light shell. The widget, its worker and
// the engine behind it load only when the reader scrolls near.
import { lazy, Suspense } from 'react';
import { PipelineLazyMount, PipelineSkeleton } from './PipelineLazyMount';

const PipelinePanel = lazy(() => import('./PipelinePanel'));

export function PipelineGraph() {
  return (
    <PipelineLazyMount minHeight="64rem">
      {() => (
        <Suspense fallback={<PipelineSkeleton />}>
          <PipelinePanel />
        </Suspense>
      )}
    </PipelineLazyMount>
  );
}
