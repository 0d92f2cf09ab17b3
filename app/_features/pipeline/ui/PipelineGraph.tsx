'use client';
// MDX entry for the pipeline graph: a light shell. The widget, its worker and
// the engine behind it load only when the reader scrolls near.
import './pipeline.css';
import { lazy } from 'react';
import { MountWhenVisible } from '@/app/_platform/ui/MountWhenVisible';

const PipelinePanel = lazy(() => import('./PipelinePanel'));

export function PipelineGraph() {
  return (
    <MountWhenVisible label="pipeline graph" minHeight="64rem">
      {() => <PipelinePanel />}
    </MountWhenVisible>
  );
}
