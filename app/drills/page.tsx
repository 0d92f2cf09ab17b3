import type { Metadata } from 'next';
import { loadDrills } from '@/app/_content/assessments';
import { DrillsPanel } from '@/app/_components/practice/drills/DrillsPanel';

export const metadata: Metadata = { title: 'Batch or real time? Drills' };

export default function DrillsPage() {
  const { scenarios } = loadDrills();
  return (
    <div className="practice-page">
      <h1>Batch or real time?</h1>
      <p className="chapter-summary">
        The exam&apos;s most frequent question on this topic is one decision: does a caller wait for each prediction, or are many records scored
        together? {scenarios.length} scenarios train the cue words that decide it.
      </p>
      <DrillsPanel scenarios={scenarios} />
    </div>
  );
}
