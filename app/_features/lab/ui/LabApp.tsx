'use client';
// The full ParallelRunStep lab below its server-rendered heading (see
// LabWidgets): presets, every control, the replay, the charts, logs, output
// and code. Its state lives in the URL, so a link reproduces the run.
import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import type { LabStore } from '@/app/_features/lab/store';
import { decodeLabState, withLabState } from '@/app/_features/lab/model/url';
import { replaceQuery } from '@/app/_platform/url/url-state';
import { useLab } from '@/app/_features/lab/use-lab';
import { ControlPanel } from './controls/ControlPanel';
import { GanttChart } from './charts/GanttChart';
import { HeadingLevel, LabProvider } from './LabProvider';
import { useNearViewport } from './LazyMount';
import { OutputPanel } from './panels/OutputPanel';
import { PresetPicker } from './panels/PresetPicker';
import { CountsPanel, StatusBanner } from './panels/StatusPanels';
import { RunBar } from './RunBar';
import { readWatch, type LabWatch } from '@/app/_features/lab/model/watch';
import { WatchCallout } from './watch/WatchCallout';
import { WatchContext, useWatch } from './watch/WatchContext';
import { WatchTarget } from './watch/WatchTarget';

const LabCharts = lazy(() => import('./charts/LabCharts'));
// Below the charts, read after a run: their code (the SDK v1/v2 generators among it) loads when they come near the screen.
const LogBrowser = lazy(() => import('./panels/LogBrowser').then((m) => ({ default: m.LogBrowser })));
const CodePanel = lazy(() => import('./panels/CodePanel').then((m) => ({ default: m.CodePanel })));

const URL_WRITE_MS = 800;
const BODY_STYLE = { display: 'grid', gap: '1rem' } as const;
// A grid item that may shrink below its content, as .lab-charts itself does.
const SLOT_STYLE = { minWidth: 0 } as const;

/**
 * Writes the lab's state into the query string after the learner changes
 * something (never on load), leaving the other widgets' keys alone.
 */
function syncUrl(store: LabStore): () => void {
  let timer: number | undefined;
  const write = () => {
    const { settings, preset } = store.getState();
    replaceQuery(withLabState(window.location.search, { settings, preset }));
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
      <div className="lab-chart-skeleton" />
      <div className="lab-chart-skeleton" />
    </div>
  );
}

/**
 * The timeline is drawn at once (plain SVG, no chart library). The other
 * charts, and recharts with them (the heaviest code of the lab), load only once
 * their place comes near the screen: a reader who never scrolls there never
 * pays for them, and the page is not busy evaluating them while it starts.
 */
function Charts() {
  const slot = useRef<HTMLDivElement>(null);
  // A link that points at the sweeps needs them loaded at once, to scroll there.
  const show = useWatch()?.show;
  const near = useNearViewport(slot, '200px 0px', true) || show === 'node_count-sweep' || show === 'mini_batch_size-sweep';
  return (
    <div className="lab-charts">
      <WatchTarget targets={['timeline', 'retries']}>
        <GanttChart />
      </WatchTarget>
      <div ref={slot} data-testid="lab-charts-slot" style={SLOT_STYLE}>
        {near ? (
          <Suspense fallback={<ChartsSkeleton />}>
            <LabCharts />
          </Suspense>
        ) : (
          <ChartsSkeleton />
        )}
      </div>
    </div>
  );
}

/** The link's log opens where Azure reports its case. */
function openWatchedLog(watch: LabWatch | null) {
  return (store: LabStore) => {
    if (watch?.log) store.getState().selectLog(watch.log.file);
    return syncUrl(store);
  };
}

/** Renders its (lazily imported) panel once the slot comes within 400px of the screen (or `now`, for a link that points at it); nothing before. */
function NearScreen({ children, now = false }: { children: ReactNode; now?: boolean }) {
  const slot = useRef<HTMLDivElement>(null);
  const near = useNearViewport(slot, '400px 0px', true) || now;
  return (
    <div ref={slot} style={SLOT_STYLE}>
      {near && <Suspense fallback={null}>{children}</Suspense>}
    </div>
  );
}

export default function LabApp({ variant }: { variant: 'embedded' | 'page' }) {
  const initial = typeof window === 'undefined' ? null : decodeLabState(window.location.search);
  // Only the lab page follows links from questions; the chapter's embedded lab ignores them.
  const [watch] = useState(() => (variant === 'page' && typeof window !== 'undefined' ? readWatch(window.location.search) : null));
  return (
    <HeadingLevel.Provider value={variant === 'page' ? 2 : 3}>
      <WatchContext.Provider value={watch}>
        <LabProvider
          options={{ channel: 'lab', sweeps: ['node_count', 'mini_batch_size'], ...(initial && { initial }) }}
          onStore={openWatchedLog(watch)}
        >
          {/* The grid the lab section gives its direct children, kept for the parts inside this lazily mounted body. */}
          <div style={BODY_STYLE}>
            <ShareLink />
            <PresetPicker />
            <div className="lab-layout">
              <ControlPanel />
              <div className="lab-results">
                <WatchCallout />
                <RunBar />
                <WatchTarget targets={['status']}>
                  <StatusBanner />
                </WatchTarget>
                <WatchTarget targets={['failed-mini-batches', 'duration', 'cost', 'preemptions']}>
                  <CountsPanel />
                </WatchTarget>
                <Charts />
                <WatchTarget targets={['output']}>
                  <OutputPanel />
                </WatchTarget>
                <WatchTarget targets={['log']}>
                  <NearScreen now={watch?.show === 'log'}>
                    <LogBrowser />
                  </NearScreen>
                </WatchTarget>
                <NearScreen>
                  <CodePanel />
                </NearScreen>
              </div>
            </div>
          </div>
        </LabProvider>
      </WatchContext.Provider>
    </HeadingLevel.Provider>
  );
}
