'use client';
// Beside mini_batch_size: how the input is cut, what one run() call then costs
// (fixed overhead against real work) and how much memory it needs, and a
// sweep of sizes run in the worker.
import { lazy, Suspense } from 'react';
import { toComputeSpec } from '@/app/_features/lab/model/config';
import type { LabView } from '@/app/_features/lab/model/protocol';
import { DEFAULT_SETTINGS, type LabSettings } from '@/app/_features/lab/model/settings';
import { encodeLabState } from '@/app/_features/lab/model/url';
import { useLab } from '@/app/_features/lab/use-lab';
import { baseRunSeconds, processMemoryBytes, resolveCompute } from '@/engine/parallel-run/compute';
import { formatBytes } from '@/engine/parallel-run/size';
import { DataControls, MiniBatchControl } from './controls/ControlPanel';
import { formatCount, formatPercent } from './format';
import { LabProvider, PanelTitle, WidgetTitle } from './LabProvider';

const MiniBatchSweepChart = lazy(() => import('./charts/SweepCharts').then((m) => ({ default: m.MiniBatchSweepChart })));

const MAX_BLOCKS = 120;
const INITIAL: LabSettings = { ...DEFAULT_SETTINGS, rows: 20_000, mini_batch_size: '32KB' };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function CallEstimate({ view, settings }: { view: LabView; settings: LabSettings }) {
  const compute = resolveCompute(toComputeSpec(settings));
  const items = median(view.batchItems);
  const bytes = median(view.batchBytes);
  const seconds = baseRunSeconds(compute, items, bytes, false);
  const overhead = compute.model.runCallSeconds / seconds;
  const memory = bytes * compute.model.memoryExpansionFactor;
  const share = processMemoryBytes(compute.vm, view.settings.processCountPerNode);
  const timeout = view.settings.runInvocationTimeout;
  return (
    <ul className="lab-facts">
      <li>
        A typical mini-batch holds <strong>{formatCount(items)}</strong> {view.datasetKind === 'file' ? 'files' : 'rows'} ({formatBytes(bytes)}).
      </li>
      <li>
        One run() call takes about <strong>{seconds.toFixed(2)} s</strong>; the fixed {compute.model.runCallSeconds} s per call is <strong>{formatPercent(overhead)}</strong> of it
        {seconds > timeout ? `, and it is longer than run_invocation_timeout (${timeout} s)` : ''}.
      </li>
      <li>
        In memory it needs about <strong>{formatBytes(memory)}</strong> of the {formatBytes(share)} each of {view.settings.processCountPerNode} processes gets on {compute.vm.name}.
      </li>
    </ul>
  );
}

function BatchStrip({ view }: { view: LabView }) {
  const shown = view.batchItems.slice(0, MAX_BLOCKS);
  const largest = Math.max(1, ...shown);
  const unit = view.datasetKind === 'file' ? 'files' : 'rows';
  return (
    <div className="lab-strip-wrap">
      <p>
        <strong data-testid="splitter-count">{formatCount(view.counts.miniBatches)}</strong> mini-batches, so{' '}
        <strong>{formatCount(view.counts.miniBatches)}</strong> run() calls at least. Each block below is one mini-batch, its height its {unit}.
      </p>
      <div className="lab-strip" aria-hidden="true">
        {shown.map((n, i) => (
          <span key={i} className="lab-strip-block" style={{ height: `${Math.max(8, (n / largest) * 100)}%` }} title={`mini-batch ${i}: ${n} ${unit}, ${formatBytes(view.batchBytes[i] ?? 0)}`} />
        ))}
      </div>
      {view.batchItems.length > MAX_BLOCKS && <p className="lab-muted">… and {formatCount(view.batchItems.length - MAX_BLOCKS)} more.</p>}
    </div>
  );
}

function SplitterBody() {
  const view = useLab((s) => s.view);
  const settings = useLab((s) => s.settings);
  return (
    <section className="lab lab-widget" aria-labelledby="splitter-title" data-testid="mini-batch-splitter">
      <WidgetTitle id="splitter-title">Mini-batch splitter</WidgetTitle>
      <div className="lab-widget-grid">
        <div className="lab-controls">
          <DataControls />
          <fieldset className="lab-group">
            <legend>Mini-batches</legend>
            <MiniBatchControl />
          </fieldset>
        </div>
        <div className="lab-results" aria-live="polite">
          <PanelTitle id="splitter-result">How the input is cut</PanelTitle>
          {view ? (
            <>
              <BatchStrip view={view} />
              <CallEstimate view={view} settings={settings} />
            </>
          ) : (
            <div className="lab-chart-skeleton" aria-hidden="true" />
          )}
        </div>
      </div>
      <Suspense fallback={<div className="lab-chart-skeleton" aria-hidden="true" />}>
        <MiniBatchSweepChart />
      </Suspense>
      <p>
        <a href={`/lab?${encodeLabState({ settings, preset: null })}`}>Open these settings in the full lab</a>
      </p>
    </section>
  );
}

export default function SplitterApp() {
  return (
    <LabProvider options={{ channel: 'splitter', sweeps: ['mini_batch_size'], initial: { settings: INITIAL, preset: null } }}>
      <SplitterBody />
    </LabProvider>
  );
}
