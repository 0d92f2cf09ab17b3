'use client';
// One click per case from the chapter, and where Azure would report it.
import { ALL_PRESETS, PRESETS_BY_ID } from '@/app/_features/lab/model/presets';
import { useLab, useLabStore } from '@/app/_features/lab/use-lab';
import { PanelTitle } from '../LabProvider';

function AzureReport() {
  const presetId = useLab((s) => s.preset);
  const logs = useLab((s) => s.view?.logs);
  const viewId = useLab((s) => s.viewId);
  const requestId = useLab((s) => s.requestId);
  const { selectLog } = useLabStore().getState();
  const preset = presetId ? PRESETS_BY_ID.get(presetId) : undefined;
  if (!preset) return null;
  const current = viewId === requestId;
  const line = current ? logs?.[preset.report.log]?.split('\n').find((l) => preset.report.find.test(l)) : undefined;
  return (
    <div className="lab-report" aria-live="polite">
      <p className="lab-report-title">How Azure would report it</p>
      <p>{preset.report.note}</p>
      <p>
        <code>{preset.report.log}</code>
      </p>
      <pre role="region" className="lab-pre lab-pre-short" tabIndex={0} aria-label={`Matching line of ${preset.report.log}`}>
        {line ?? (current ? '(no matching line in this run)' : 'Running…')}
      </pre>
      <button type="button" className="lab-button" onClick={() => selectLog(preset.report.log)}>
        Open it in the log browser
      </button>
    </div>
  );
}

export function PresetPicker() {
  const active = useLab((s) => s.preset);
  const { applyPreset, clearPreset, resetSettings } = useLabStore().getState();
  const preset = active ? PRESETS_BY_ID.get(active) : undefined;
  return (
    <section className="lab-panel lab-presets" aria-labelledby="lab-presets-title">
      <PanelTitle id="lab-presets-title">
        Presets: cases from the chapter
      </PanelTitle>
      <ul className="lab-preset-list">
        {ALL_PRESETS.map((p) => (
          <li key={p.id}>
            <button type="button" className="lab-preset" aria-pressed={p.id === active} onClick={() => applyPreset(p.id)}>
              {p.title}
            </button>
          </li>
        ))}
      </ul>
      <div className="lab-preset-actions">
        {preset && (
          <button type="button" className="lab-button" onClick={clearPreset}>
            Keep the settings, drop the preset&apos;s faults
          </button>
        )}
        <button type="button" className="lab-button" onClick={resetSettings}>
          Reset all settings
        </button>
      </div>
      {preset && <p className="lab-preset-summary">{preset.summary}</p>}
      {preset?.explanation && <p className="lab-preset-summary" data-testid="lab-preset-explanation">{preset.explanation}</p>}
      <AzureReport />
    </section>
  );
}
