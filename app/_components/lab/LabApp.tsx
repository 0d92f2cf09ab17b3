'use client';
// The full ParallelRunStep lab: presets, every control, the replay, the
// charts, logs, output and code. Its state lives in the URL, so a link
// reproduces the run.
import { lazy, Suspense, useState } from 'react';
import type { LabStore } from '@/app/_lab/store';
import { decodeLabState, encodeLabState } from '@/app/_lab/url-state';
import { useLab } from '@/app/_lab/use-lab';
import { ControlPanel } from './controls/ControlPanel';
import { HeadingLevel, LabProvider, WidgetTitle } from './LabProvider';
import { CodePanel } from './panels/CodePanel';
import { LogBrowser } from './panels/LogBrowser';
import { OutputPanel } from './panels/OutputPanel';
import { PresetPicker } from './panels/PresetPicker';
import { CountsPanel, StatusBanner } from './panels/StatusPanels';
import { RunBar } from './RunBar';

const LabCharts = lazy(() => import('./charts/LabCharts'));

const URL_WRITE_MS = 800;

/**
 * Writes the lab's state into the query string after the learner changes
 * something (never on load). Passing the current history state (Next's own
 * marker included) keeps the App Router from re-rendering the page for a
 * query only this widget reads.
 */
function syncUrl(store: LabStore): () => void {
  let timer: number | undefined;
  const write = () => {
    const { settings, preset } = store.getState();
    const query = encodeLabState({ settings, preset });
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}${window.location.hash}`);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(write, URL_WRITE_MS);
  });
  return () => {
    window.clearTimeout(timer);
    unsubscribe();
  };
}

function ShareLink() {
  const revision = useLab((s) => s.revision);
  const [copied, setCopied] = useState<number | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(revision);
    } catch {
      setCopied(-1);
    }
  };
  return (
    <span className="lab-copy">
      <button type="button" className="lab-button" onClick={copy}>
        Copy a link to this run
      </button>
      <span role="status" className="lab-muted">
        {copied === -1 ? 'Copy failed: the address bar has the link.' : copied === revision ? 'Link copied.' : ''}
      </span>
    </span>
  );
}

function ChartsSkeleton() {
  return (
    <div className="lab-charts" aria-hidden="true">
      <div className="lab-chart-skeleton lab-chart-skeleton-tall" />
      <div className="lab-chart-skeleton" />
    </div>
  );
}

export default function LabApp({ variant }: { variant: 'embedded' | 'page' }) {
  const initial = typeof window === 'undefined' ? null : decodeLabState(window.location.search);
  return (
    <HeadingLevel.Provider value={variant === 'page' ? 2 : 3}>
      <LabProvider
        options={{ channel: 'lab', sweeps: ['node_count', 'mini_batch_size'], ...(initial && { initial }) }}
        onStore={syncUrl}
      >
        <section className={`lab lab-${variant}`} aria-labelledby="lab-title" data-testid="parallel-run-lab">
          <div className="lab-head">
            <WidgetTitle id="lab-title">{variant === 'page' ? 'Simulator' : 'ParallelRunStep lab'}</WidgetTitle>
            <p className="lab-intro">
              Every control is a ParallelRunConfig setting. Change one and the job is simulated again in a background worker, scoring real
              rows with the ONNX model. Times and prices are illustrative.
            </p>
            <ShareLink />
          </div>
          <PresetPicker />
          <div className="lab-layout">
            <ControlPanel />
            <div className="lab-results">
              <RunBar />
              <StatusBanner />
              <CountsPanel />
              <Suspense fallback={<ChartsSkeleton />}>
                <LabCharts />
              </Suspense>
              <OutputPanel />
              <LogBrowser />
              <CodePanel />
            </div>
          </div>
        </section>
      </LabProvider>
    </HeadingLevel.Provider>
  );
}
