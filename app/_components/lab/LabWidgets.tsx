'use client';
// The lab's entries in the MDX component map. Each is a light shell: the
// widget itself (and recharts, the worker and onnxruntime behind it) loads
// only when it scrolls into view.
import { lazy } from 'react';
import { LazyMount } from './LazyMount';

const LabApp = lazy(() => import('./LabApp'));
const SplitterApp = lazy(() => import('./SplitterApp'));
const PlaygroundApp = lazy(() => import('./PlaygroundApp'));

/** The full ParallelRunStep lab; `page` lays it out for the /lab route. */
export function ParallelRunLab({ variant = 'embedded' }: { variant?: 'embedded' | 'page' }) {
  return (
    <LazyMount label="ParallelRunStep lab" minHeight={variant === 'page' ? '150vh' : '60rem'}>
      {() => <LabApp variant={variant} />}
    </LazyMount>
  );
}

export function MiniBatchSplitter() {
  return (
    <LazyMount label="Mini-batch splitter" minHeight="34rem">
      {() => <SplitterApp />}
    </LazyMount>
  );
}

export function ErrorThresholdPlayground() {
  return (
    <LazyMount label="error_threshold playground" minHeight="36rem">
      {() => <PlaygroundApp />}
    </LazyMount>
  );
}
