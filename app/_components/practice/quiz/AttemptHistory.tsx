import { formatPercent } from '@/app/_quiz/scoring';
import type { Attempt, BestScore } from '@/app/_progress/schema';
import { formatDate } from '../clock';

const KIND_LABELS: Record<Attempt['kind'], string> = { full: 'Full quiz', retry: 'Retry of missed', mixed: 'Mixed practice' };

interface Props {
  attempts: readonly Attempt[];
  best: BestScore | undefined;
  onReview: (attempt: Attempt) => void;
}

export function AttemptHistory({ attempts, best, onReview }: Props) {
  if (attempts.length === 0) return <p>No attempts yet.</p>;
  return (
    <section aria-labelledby="history-heading" className="attempt-history">
      <h3 id="history-heading">Attempt history</h3>
      {best && (
        <p className="best-score">
          Best score: {best.correct} of {best.total} ({formatPercent(best.correct, best.total)}), {best.passed ? 'passed' : 'not passed yet'}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Kind</th>
            <th scope="col">Score</th>
            <th scope="col">Result</th>
            <th scope="col">
              <span className="visually-hidden">Review</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...attempts].reverse().map((a, i) => (
            <tr key={`${a.date}-${a.seed}`}>
              <td>{formatDate(a.date)}</td>
              <td>
                {KIND_LABELS[a.kind]}, {a.mode}
              </td>
              <td>
                {a.correct}/{a.total} ({formatPercent(a.correct, a.total)})
              </td>
              <td>{a.kind !== 'full' ? 'Practice round' : a.passed ? 'Passed' : 'Not passed'}</td>
              <td>
                <button type="button" className="button-link" onClick={() => onReview(a)} aria-label={`Review attempt ${attempts.length - i}`}>
                  Review
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
