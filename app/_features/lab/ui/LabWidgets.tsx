'use client';
// The lab's entries in the MDX component map. Each is a light shell: the
// widget itself (and recharts, the worker and onnxruntime behind it) loads
// only when it scrolls into view.
import './lab.css';
import { lazy } from 'react';
import { LazyMount } from './LazyMount';

const LabApp = lazy(() => import('./LabApp'));
const SplitterApp = lazy(() => import('./SplitterApp'));
const PlaygroundApp = lazy(() => import('./PlaygroundApp'));

/**
 * The full ParallelRunStep lab; `page` lays it out for the /lab route. Its
 * heading and introduction are part of the server-rendered page (they are the
 * largest text a reader sees first); the rest mounts when it comes into view.
 */
export function ParallelRunLab({ variant = 'embedded' }: { variant?: 'embedded' | 'page' }) {
  const Title = variant === 'page' ? 'h2' : 'h3';
  return (
    <section className={`lab lab-${variant}`} aria-labelledby="lab-title" data-testid="parallel-run-lab">
      <div className="lab-head">
        <Title id="lab-title" className="lab-title">
          {variant === 'page' ? 'Simulator' : 'ParallelRunStep lab'}
        </Title>
        <p className="lab-intro">
          Every control is a ParallelRunConfig setting. Change one and the job is simulated again in a background worker, scoring real rows
          with the ONNX model. Times and prices are illustrative: virtual time charges each row 30 ms, as a production scoring script might take, so the job is large enough next to the four minutes of node start-up for scaling to show.
        </p>
      </div>
      <LazyMount label="Presets, controls and charts" minHeight={variant === 'page' ? '150vh' : '60rem'}>
        {() => <LabApp variant={variant} />}
      </LazyMount>
    </section>
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
