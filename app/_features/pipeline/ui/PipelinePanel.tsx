'use client';
// The pipeline widget: its own store over the shared pipeline worker, then the
// controls, the live status line, the run summary, the graph and publishing.
import { useEffect, useId, useState } from 'react';
import { createPipelineStore, type StoreDeps } from '../store';
import { PipelineStoreContext, usePipeline, usePipelineStore } from '../use-pipeline';
import { sharedPipelineClient } from '../worker/client';
import { DagView } from './DagView';
import { PipelineControls } from './PipelineControls';
import { PublishPanel } from './PublishPanel';
import { RunSummary } from './RunSummary';
import { usePrefersReducedMotion } from '@/app/_platform/ui/use-reduced-motion';

function browserDeps(): StoreDeps {
  return {
    client: sharedPipelineClient(),
    fetch: (input, init) => fetch(input, init),
    origin: typeof window === 'undefined' ? '' : window.location.origin,
  };
}

function Widget({ origin, animate }: { origin: string; animate: boolean }) {
  const id = useId();
  const store = usePipelineStore();
  const phase = usePipeline((s) => s.phase);
  const announcement = usePipeline((s) => s.announcement);
  const message = usePipeline((s) => s.message);

  return (
    <div className="widget pipe" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="widget-title">
        Pipeline graph and reuse
      </p>
      <p className="pipe-intro">
        The chapter&apos;s pipeline, run by the simulator in your browser. Run it twice to watch steps get <strong>Reused</strong>, then change a parameter, clear{' '}
        <code>allow_reuse</code> or rewrite the input data and see which steps run again.
      </p>
      {phase === 'loading' || phase === 'idle' ? (
        <p className="pipe-muted" role="status">
          Preparing the workspace (compute, datastore, model registry)…
        </p>
      ) : phase === 'failed' ? (
        <div className="pipe-note pipe-note-bad" role="alert">
          <p>{message ?? 'The workspace could not be prepared.'}</p>
          <button type="button" className="button-secondary" onClick={() => store.getState().start()}>
            Try again
          </button>
        </div>
      ) : (
        <>
          <PipelineControls idPrefix={id} />
          <p className="pipe-status" role="status" aria-live="polite">
            {announcement}
          </p>
          {message && (
            <p className="pipe-note pipe-note-bad" role="alert">
              {message}
            </p>
          )}
          <RunSummary />
          <DagView idPrefix={id} animate={animate} />
          <PublishPanel idPrefix={id} origin={origin} />
        </>
      )}
    </div>
  );
}

interface Props {
  /** Tests pass a fake worker client and fetch. */
  deps?: StoreDeps;
  /** Overrides the replay animation (otherwise on unless reduced motion is asked for). */
  animate?: boolean;
}

export default function PipelinePanel({ deps, animate }: Props) {
  const [resolved] = useState(() => deps ?? browserDeps());
  const [store] = useState(() => createPipelineStore(resolved));
  const reducedMotion = usePrefersReducedMotion();

  useEffect(() => {
    store.getState().start();
    return () => store.getState().dispose();
  }, [store]);

  return (
    <PipelineStoreContext.Provider value={store}>
      <Widget origin={resolved.origin} animate={animate ?? !reducedMotion} />
    </PipelineStoreContext.Provider>
  );
}
