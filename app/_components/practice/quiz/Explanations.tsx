import type { Question } from '@/app/_content/assessment-schema';
import { isFullyCorrect } from '@/app/_quiz/scoring';

const textOf = (q: Question, id: string) => q.choices.find((c) => c.id === id)?.text ?? id;

/** "Your answer" and "Correct answer" lines; for an order question, both full sequences. */
export function AnswerSummary({ question, given }: { question: Question; given: readonly string[] | undefined }) {
  const list = (ids: readonly string[]) => (question.type === 'order' ? ids.map((id, i) => `${i + 1}. ${textOf(question, id)}`) : ids.map((id) => textOf(question, id)));
  const right = isFullyCorrect(question, given);
  return (
    <div className="answer-summary">
      <p className={right ? 'verdict verdict-ok' : 'verdict verdict-bad'}>{right ? '✓ Correct' : given?.length ? '✗ Incorrect' : '✗ Not answered'}</p>
      <dl>
        <dt>Your answer</dt>
        <dd>{given?.length ? list(given).join(question.type === 'order' ? ' → ' : '; ') : 'No answer'}</dd>
        <dt>Correct answer</dt>
        <dd>{list(question.answer).join(question.type === 'order' ? ' → ' : '; ')}</dd>
      </dl>
    </div>
  );
}

/** Every choice with its own explanation, marking the right ones and the learner's picks. */
export function ChoiceExplanations({ question, given, order }: { question: Question; given: readonly string[] | undefined; order: readonly string[] }) {
  const ids = question.type === 'order' ? question.answer : order;
  return (
    <ul className="choice-explanations">
      {ids.map((id) => {
        const choice = question.choices.find((c) => c.id === id);
        if (!choice) return null;
        const correct = question.answer.includes(id);
        const picked = given?.includes(id) ?? false;
        const tags = question.type === 'order' ? [`Position ${question.answer.indexOf(id) + 1}`] : [correct ? 'Correct answer' : 'Wrong answer', ...(picked ? ['your choice'] : [])];
        return (
          <li key={id} className={question.type === 'order' || correct ? 'explanation explanation-ok' : 'explanation explanation-bad'}>
            <p className="explanation-choice">
              <strong>{choice.text}</strong> <span className="explanation-tag">({tags.join(', ')})</span>
            </p>
            <p className="explanation-text">{choice.explanation}</p>
          </li>
        );
      })}
    </ul>
  );
}
