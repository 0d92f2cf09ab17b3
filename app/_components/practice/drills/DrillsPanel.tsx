'use client';

import { useState, useSyncExternalStore } from 'react';
import type { DrillScenario } from '@/app/_content/assessment-schema';
import { useHydrated } from '@/app/_progress/use-progress';
import { DrillPractice } from './DrillPractice';
import { DrillSprint } from './DrillSprint';
import { DrillStatsView } from './DrillStatsView';
import { SPRINT_SECONDS, sprintSecondsFrom } from './drill-labels';

const noSubscription = () => () => {};

export function DrillsPanel({ scenarios }: { scenarios: DrillScenario[] }) {
  const hydrated = useHydrated();
  const [mode, setMode] = useState<'practice' | 'sprint'>('practice');
  // The URL may ask for another round length (read in the browser only: the page is static).
  const fromUrl = useSyncExternalStore(noSubscription, () => sprintSecondsFrom(window.location.search), () => null);
  const [chosen, setChosen] = useState<number | null>(null);
  const seconds = chosen ?? fromUrl ?? SPRINT_SECONDS;
  const lengths = [...new Set([30, SPRINT_SECONDS, 90, ...(fromUrl ? [fromUrl] : [])])].sort((a, b) => a - b);

  return (
    <>
      <div className="mode-switch" role="group" aria-label="Drill mode">
        <button type="button" aria-pressed={mode === 'practice'} onClick={() => setMode('practice')}>
          Practice (untimed)
        </button>
        <button type="button" aria-pressed={mode === 'sprint'} onClick={() => setMode('sprint')}>
          Sprint ({seconds} s)
        </button>
      </div>
      {mode === 'sprint' && (
        <p>
          <label htmlFor="sprint-length">Round length </label>
          <select id="sprint-length" value={seconds} onChange={(e) => setChosen(Number(e.target.value))}>
            {lengths.map((n) => (
              <option key={n} value={n}>
                {n} seconds{n === SPRINT_SECONDS ? ' (standard)' : ''}
              </option>
            ))}
          </select>
        </p>
      )}
      {!hydrated ? (
        <p>Loading the drills…</p>
      ) : mode === 'practice' ? (
        <DrillPractice scenarios={scenarios} />
      ) : (
        <DrillSprint key={seconds} scenarios={scenarios} seconds={seconds} />
      )}
      <DrillStatsView />
    </>
  );
}
