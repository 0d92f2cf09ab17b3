// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ExamStatus } from '@/app/_components/chapter/ExamStatus';
import { formatDay, oldestDay } from '@/app/_content/exam-status';

afterEach(cleanup);

describe('ExamStatus', () => {
  it('states the exam status as reported, with the day it was verified', () => {
    render(<ExamStatus verified="2026-12-07" />);
    const notice = screen.getByRole('complementary', { name: 'Exam status' });
    expect(notice.textContent).toMatch(/AI-900 retired on 30 June 2026 and AI-901 replaces it/);
    expect(notice.textContent).toMatch(/report/);
    expect(notice.textContent).toMatch(/not a Microsoft quotation/);
    expect(notice.textContent).toMatch(/Last verified 7 December 2026/);
    expect(notice.querySelector('time[datetime="2026-12-07"]')).not.toBeNull();
    expect(notice.querySelector('time[datetime="2026-06-30"]')).not.toBeNull();
  });

  it('points to Microsoft Learn with a plain link and loads nothing from it', () => {
    render(<ExamStatus verified="2026-12-07" />);
    const link = screen.getByRole('link', { name: /credentials page/ });
    expect(link.getAttribute('href')).toBe('https://learn.microsoft.com/credentials/');
    expect(document.querySelectorAll('img, script, iframe, link')).toHaveLength(0);
  });
});

describe('exam-status helpers', () => {
  it('formats a day without time-zone drift and picks the stalest check', () => {
    expect(formatDay('2026-06-30')).toBe('30 June 2026');
    expect(formatDay('2026-01-01')).toBe('1 January 2026');
    expect(oldestDay(['2026-12-07', '2026-11-30', '2026-12-01'])).toBe('2026-11-30');
    expect(oldestDay([])).toBeNull();
  });
});
