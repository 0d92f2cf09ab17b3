'use client';
// Beside error handling: a file job with broken files, the three thresholds,
// and the choice that matters most in practice: does run() raise on a bad
// file (the whole mini-batch fails) or skip it (one failed item)?
import { lazy, Suspense } from 'react';
import { DEFAULT_SETTINGS, datasetDefaults, MAX_CORRUPT, type LabSettings } from '@/app/_features/lab/model/settings';
import { encodeLabState } from '@/app/_features/lab/model/url';
import { useLab, useLabStore } from '@/app/_features/lab/use-lab';
import { CheckField, RangeField } from './controls/inputs';
import { MiniBatchControl, ThresholdControls } from './controls/ControlPanel';
import { LabProvider, WidgetTitle } from './LabProvider';
import { CountsPanel, StatusBanner } from './panels/StatusPanels';

const FailuresChart = lazy(() => import('./charts/ProgressCharts').then((m) => ({ default: m.FailuresChart })));

const INITIAL: LabSettings = { ...DEFAULT_SETTINGS, ...datasetDefaults('file'), mini_batch_size: '4', error_threshold: '10' };

function PlaygroundBody() {
  const settings = useLab((s) => s.settings);
  const strict = useLab((s) => s.customScenario?.strictFiles === true);
  const store = useLabStore();
  const { set, setCustomScenario } = store.getState();
  return (
    <section className="lab lab-widget" aria-labelledby="playground-title" data-testid="error-threshold-playground">
      <WidgetTitle id="playground-title">error_threshold playground</WidgetTitle>
      <p className="lab-intro">300 sensor log files, some unreadable. Set the budget for failures and see whether the job survives.</p>
      <div className="lab-widget-grid">
        <div className="lab-controls">
          <fieldset className="lab-group">
            <legend>Data and script</legend>
            <RangeField
              name="corrupted share"
              hint="Share of files that cannot be read."
              value={settings.corrupt}
              min={0}
              max={MAX_CORRUPT}
              step={0.005}
              format={(v) => `${Number((v * 100).toFixed(1))} %`}
              onChange={(v) => set('corrupt', v)}
            />
            <CheckField
              name="run() on a bad file"
              label={strict ? 'raises: the whole mini-batch fails' : 'skips it: one failed item'}
              hint="Raising charges every file of the mini-batch, after run_max_try tries; skipping charges only the bad file."
              checked={strict}
              onChange={(checked) => setCustomScenario(checked ? { strictFiles: true } : null)}
            />
            <MiniBatchControl />
          </fieldset>
          <ThresholdControls />
        </div>
        <div className="lab-results">
          <StatusBanner />
          <CountsPanel />
        </div>
      </div>
      <Suspense fallback={<div className="lab-chart-skeleton" aria-hidden="true" />}>
        <FailuresChart />
      </Suspense>
      <p>
        <a href={`/lab?${encodeLabState({ settings, preset: strict ? 'image-scoring' : null })}`}>Open these settings in the full lab</a>
      </p>
    </section>
  );
}

export default function PlaygroundApp() {
  return (
    <LabProvider options={{ channel: 'playground', initial: { settings: INITIAL, preset: null } }}>
      <PlaygroundBody />
    </LabProvider>
  );
}
