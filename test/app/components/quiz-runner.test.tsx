// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QuizRunner } from '@/app/_components/practice/quiz/QuizRunner';
import { rateAndSave } from '@/app/_components/practice/cards/rate';
import type { QuizContent } from '@/app/_components/practice/quiz/types';
import { progressStore } from '@/app/_progress/use-progress';
import type { Question } from '@/app/_content/assessment-schema';

const SLUG = '095-test-chapter';
const NEXT = '096-next-chapter';

const choice = (id: string, text: string) => ({ id, text, explanation: `Explanation of ${text}` });
const QUESTIONS: Question[] = [
  { id: 'q-single', section: 'alpha', type: 'single', prompt: 'Pick the apple', choices: [choice('a', 'Apple'), choice('b', 'Brick'), choice('c', 'Cloud')], answer: ['a'] },
  { id: 'q-multi', section: 'alpha', type: 'multi', prompt: 'Pick both fruits', choices: [choice('a', 'Pear'), choice('b', 'Plum'), choice('c', 'Stone')], answer: ['a', 'b'] },
  { id: 'q-tf', section: 'beta', type: 'truefalse', prompt: 'The sky is green', choices: [choice('true', 'True'), choice('false', 'False')], answer: ['false'] },
  { id: 'q-order', section: 'beta', type: 'order', prompt: 'Count upwards', choices: [choice('one', 'One'), choice('two', 'Two'), choice('three', 'Three')], answer: ['one', 'two', 'three'] },
  { id: 'q-scenario', section: 'gamma', type: 'scenario', prompt: 'Nightly scoring of a million rows', choices: [choice('batch', 'Batch'), choice('online', 'Online')], answer: ['batch'] },
];
const RIGHT: Record<string, string[]> = { 'q-single': ['Apple'], 'q-multi': ['Pear', 'Plum'], 'q-tf': ['False'], 'q-scenario': ['Batch'] };
const WRONG: Record<string, string[]> = { 'q-single': ['Brick'], 'q-multi': ['Pear'], 'q-tf': ['True'], 'q-scenario': ['Online'] };

const content: QuizContent = {
  slug: SLUG,
  number: 95,
  title: 'Test chapter',
  passPercent: 60,
  questions: QUESTIONS,
  next: { slug: NEXT, number: 96, title: 'Next chapter' },
  sectionTitles: { alpha: 'Alpha section', beta: 'Beta section', gamma: 'Gamma section' },
  cards: [
    { id: 'card-alpha', section: 'alpha' },
    { id: 'card-gamma', section: 'gamma' },
  ],
};

function currentQuestion(): Question {
  const prompt = document.querySelector('h2.question-prompt')?.textContent;
  const q = QUESTIONS.find((x) => x.prompt === prompt);
  if (!q) throw new Error(`no question on screen (${prompt})`);
  return q;
}

const orderShown = () => [...document.querySelectorAll('.order-text')].map((e) => e.textContent);

/** Puts the order question right with the Move up buttons, as a keyboard user would. */
function arrangeCorrectly() {
  for (const [target, text] of ['One', 'Two', 'Three'].entries()) {
    while (orderShown().indexOf(text) > target) fireEvent.click(screen.getByRole('button', { name: `Move "${text}" up` }));
  }
}

function answerCurrent(correctly: boolean) {
  const q = currentQuestion();
  if (q.type === 'order') {
    if (correctly) arrangeCorrectly();
    else fireEvent.click(screen.getByRole('button', { name: 'Keep this order as my answer' }));
    return q;
  }
  for (const text of (correctly ? RIGHT : WRONG)[q.id] ?? []) fireEvent.click(screen.getByLabelText(text));
  return q;
}

function startExam() {
  fireEvent.click(screen.getByRole('radio', { name: /^Exam/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Start the quiz' }));
}

/** Answers every question; those with ids in `right` correctly. */
function answerAll(right: (q: Question) => boolean) {
  for (let i = 0; i < QUESTIONS.length; i++) {
    answerCurrent(right(currentQuestion()));
    if (i < QUESTIONS.length - 1) fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  }
}

beforeEach(() => {
  localStorage.clear();
  act(() => progressStore.getState().resetProgress());
});
afterEach(cleanup);

describe('QuizRunner', () => {
  it('gives instant feedback with every explanation in practice mode, then locks the answer', () => {
    render(<QuizRunner content={content} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start the quiz' }));
    const q = answerCurrent(false);
    expect(screen.queryByText(/Explanation of/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    const feedback = screen.getByRole('status');
    for (const c of q.choices) expect(within(feedback).getByText(`Explanation of ${c.text}`)).toBeTruthy();
    expect(within(feedback).getByText(/Incorrect/)).toBeTruthy();
    if (q.type !== 'order') expect((screen.getAllByRole(q.type === 'multi' ? 'checkbox' : 'radio')[0] as HTMLInputElement).disabled).toBe(true);
  });

  it('lets answers change in exam mode without feedback, and shows a progress bar and flags', () => {
    render(<QuizRunner content={content} />);
    startExam();
    const q = answerCurrent(false);
    expect(screen.queryByText(/Explanation of/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();
    answerCurrent(true);
    expect(progressStore.getState().inProgress[SLUG]?.answers[q.id]).toBeDefined();
    expect(screen.getByRole('progressbar', { name: 'Questions answered' }).getAttribute('aria-valuenow')).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: '⚐ Flag for review' }));
    expect(screen.getByRole('button', { name: /^Question 1, answered, flagged$/ })).toBeTruthy();
  });

  it('passes at 3 of 5 (60%), shows the breakdown and review, and unlocks the next chapter', () => {
    render(<QuizRunner content={content} />);
    startExam();
    const right = new Set(['q-single', 'q-order', 'q-scenario']);
    answerAll((q) => right.has(q.id));
    fireEvent.click(screen.getByRole('button', { name: 'Submit quiz' }));
    expect(screen.getByText(/^3 of 5 correct \(60%\): passed$/)).toBeTruthy();
    expect(progressStore.getState().unlocked).toEqual([NEXT]);
    expect(screen.getByRole('link', { name: 'Next chapter' }).getAttribute('href')).toBe(`/chapters/${NEXT}`);
    const breakdown = screen.getByRole('table');
    expect(within(breakdown).getByRole('link', { name: 'Alpha section' }).getAttribute('href')).toBe(`/chapters/${SLUG}#alpha`);
    expect(within(breakdown).getByRole('row', { name: /Alpha section 1 of 2/ })).toBeTruthy();
    // Every question is reviewed with the learner's answer, the right one and all explanations.
    const review = screen.getAllByRole('listitem').filter((li) => li.classList.contains('review-item'));
    expect(review).toHaveLength(5);
    expect(screen.getAllByText(/Explanation of/)).toHaveLength(QUESTIONS.reduce((n, q) => n + q.choices.length, 0));
    expect(screen.getAllByText('Your answer')).toHaveLength(5);
  });

  it('brings the cards of each section with a wrong answer forward, and leaves the others alone', () => {
    const reviewed = new Date(Date.now() - 60_000).toISOString();
    act(() => {
      rateAndSave(SLUG, 'card-alpha', 'easy', reviewed);
      rateAndSave(SLUG, 'card-gamma', 'easy', reviewed);
    });
    const gammaBefore = progressStore.getState().cards[SLUG]?.['card-gamma'];
    expect(Date.parse(progressStore.getState().cards[SLUG]?.['card-alpha']?.due ?? '')).toBeGreaterThan(Date.now() + 86_400_000);
    render(<QuizRunner content={content} />);
    startExam();
    // Alpha's multi question is answered wrongly; both gamma questions are right.
    answerAll((q) => q.id !== 'q-multi');
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'Submit quiz' }));
    const cards = progressStore.getState().cards[SLUG] ?? {};
    expect(Date.parse(cards['card-alpha']?.due ?? '')).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(cards['card-alpha']?.due ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(cards['card-alpha']?.stability).toBeGreaterThan(1);
    expect(cards['card-gamma']).toEqual(gammaBefore);
  });

  it('fails at 2 of 5 with partial multi and order answers counting zero, then retries only the missed ones', () => {
    render(<QuizRunner content={content} />);
    startExam();
    // Multi gets one of its two fruits, order keeps the wrong start: both score 0.
    answerAll((q) => q.id === 'q-single' || q.id === 'q-tf');
    fireEvent.click(screen.getByRole('button', { name: 'Submit quiz' }));
    expect(screen.getByText(/^2 of 5 correct \(40%\): not passed$/)).toBeTruthy();
    expect(screen.getByText(/The pass mark is 60%: 3 of 5 questions/)).toBeTruthy();
    expect(progressStore.getState().unlocked).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Retry the 3 missed questions' }));
    const retry = progressStore.getState().inProgress[SLUG];
    expect(retry?.kind).toBe('retry');
    expect([...(retry?.questionIds ?? [])].sort()).toEqual(['q-multi', 'q-order', 'q-scenario']);
    expect(screen.getByText('Question 1 of 3')).toBeTruthy();
  });

  it('resumes a saved attempt at the same question with the same answers', () => {
    const first = render(<QuizRunner content={content} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start the quiz' }));
    const q1 = answerCurrent(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const q2 = currentQuestion();
    first.unmount();

    render(<QuizRunner content={content} />);
    expect(currentQuestion().id).toBe(q2.id);
    fireEvent.click(screen.getByRole('button', { name: /^Question 1, answered$/ }));
    expect(currentQuestion().id).toBe(q1.id);
  });

  it('asks before submitting with unanswered questions', () => {
    render(<QuizRunner content={content} />);
    startExam();
    fireEvent.click(screen.getByRole('button', { name: 'Submit quiz' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/5 questions are unanswered/);
    expect(document.activeElement?.textContent).toBe('Keep working');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep working' }));
    expect(progressStore.getState().inProgress[SLUG]).toBeDefined();
  });

  it('moves order items with buttons and keeps focus on the button used', () => {
    render(<QuizRunner content={content} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start the quiz' }));
    while (currentQuestion().type !== 'order') fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const before = orderShown();
    const last = before[2] as string;
    const up = screen.getByRole('button', { name: `Move "${last}" up` });
    up.focus();
    fireEvent.click(up);
    expect(orderShown()).toEqual([before[0], last, before[1]]);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Move "${last}" up`);
    expect(screen.getByText(`Moved "${last}" to position 2 of 3.`)).toBeTruthy();
  });

  it('submits an exam by itself when its saved countdown has run out', () => {
    act(() =>
      progressStore.getState().startQuiz(SLUG, {
        kind: 'full', mode: 'exam', seed: 5, questionIds: QUESTIONS.map((q) => q.id), answers: { 'q-single': ['a'] }, flagged: [], checked: [], current: 0,
        startedAt: '2026-03-01T10:00:00.000Z', endsAt: '2026-03-01T10:10:00.000Z',
      }),
    );
    render(<QuizRunner content={content} />);
    expect(screen.getByText(/^1 of 5 correct \(20%\): not passed$/)).toBeTruthy();
    expect(progressStore.getState().inProgress[SLUG]).toBeUndefined();
    expect(progressStore.getState().attempts[SLUG]).toHaveLength(1);
  });

  it('offers an exam time limit that is saved with the attempt', () => {
    render(<QuizRunner content={content} />);
    fireEvent.click(screen.getByRole('radio', { name: /^Exam/ }));
    fireEvent.change(screen.getByLabelText('Time limit'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the quiz' }));
    const quiz = progressStore.getState().inProgress[SLUG];
    expect(Date.parse(quiz?.endsAt ?? '') - Date.parse(quiz?.startedAt ?? '')).toBe(10 * 60_000);
    expect(screen.getByRole('timer', { name: 'Time left' }).textContent).toMatch(/^(10:00|9:5\d)$/);
  });
});
