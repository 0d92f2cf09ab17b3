import type { DrillScenario } from '@/app/_content/assessment-schema';

/** The two answers of every drill. Keys B and R work too while a round is running. */
export function AnswerButtons({ disabled, onAnswer }: { disabled: boolean; onAnswer: (pattern: DrillScenario['pattern']) => void }) {
  return (
    <div className="drill-answers" role="group" aria-label="Your answer">
      <button type="button" className="button-primary" disabled={disabled} onClick={() => onAnswer('batch')} aria-keyshortcuts="b">
        Batch
      </button>
      <button type="button" className="button-primary" disabled={disabled} onClick={() => onAnswer('real-time')} aria-keyshortcuts="r">
        Real-time
      </button>
    </div>
  );
}
