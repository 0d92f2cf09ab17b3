// @vitest-environment happy-dom
// Scores that are not whole percentages keep one decimal wherever they are shown,
// so 27 of 53 never reads "50%" and a score just under the pass mark never reads "60%".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { AttemptHistory } from '@/app/_components/practice/quiz/AttemptHistory';
import { ChapterStatus } from '@/app/_components/practice/course/ChapterStatus';
import { progressStore } from '@/app/_progress/use-progress';
import { attempt, CH95 } from '../progress/helpers';

beforeEach(() => {
  localStorage.clear();
  act(() => progressStore.getState().resetProgress());
});
afterEach(cleanup);

describe('score display', () => {
  it('attempt history shows 27 of 53 as 50.9%', () => {
    const a = attempt(27, 53, false);
    render(<AttemptHistory attempts={[a]} best={{ correct: 27, total: 53, passed: false, date: a.date }} onReview={() => {}} />);
    expect(screen.getByText(/^Best score: 27 of 53 \(50\.9%\), not passed yet$/)).toBeTruthy();
    expect(screen.getByText('27/53 (50.9%)')).toBeTruthy();
  });

  it('the course map badge cuts a just-passing 32 of 53 down to 60.3% and keeps whole scores whole', () => {
    act(() => progressStore.setState({ best: { [CH95]: { correct: 32, total: 53, passed: true, date: null } } }));
    const { unmount } = render(<ChapterStatus slug={CH95} alwaysOpen previousNumber={null} />);
    expect(document.querySelector('[data-state]')?.textContent).toMatch(/Passed · best 60\.3%$/);
    unmount();
    act(() => progressStore.setState({ best: { [CH95]: { correct: 12, total: 20, passed: true, date: null } } }));
    render(<ChapterStatus slug={CH95} alwaysOpen previousNumber={null} />);
    expect(document.querySelector('[data-state]')?.textContent).toMatch(/Passed · best 60%$/);
  });
});
