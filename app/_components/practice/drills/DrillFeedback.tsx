import type { DrillScenario } from '@/app/_content/assessment-schema';
import { CueText } from './CueText';
import { PATTERN_LABELS, SERVICE_LABELS } from './drill-labels';

/** After an answer: right or wrong, the pattern and service, and the cue words that decide it. */
export function DrillFeedback({ scenario, given }: { scenario: DrillScenario; given: DrillScenario['pattern'] }) {
  const correct = given === scenario.pattern;
  return (
    <div className="drill-feedback">
      <p className={correct ? 'verdict verdict-ok' : 'verdict verdict-bad'}>
        {correct ? '✓ Correct' : `✗ Not quite: you answered ${PATTERN_LABELS[given].toLowerCase()}`}. This is {PATTERN_LABELS[scenario.pattern].toLowerCase()}; the service to use is the{' '}
        {SERVICE_LABELS[scenario.service]}.
      </p>
      <p className="drill-text">
        <CueText text={scenario.text} cues={scenario.cues} />
      </p>
      <p>
        <span className="cue-label">Cue words:</span> {scenario.cues.map((c) => `“${c}”`).join(', ')}
      </p>
      <p>{scenario.explanation}</p>
    </div>
  );
}
