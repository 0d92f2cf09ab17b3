// Node-side helpers for the practice browser tests: the answer keys come from the
// quiz file itself, and choices are matched by their text, as a learner would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Drills, Quiz, Question } from '@/app/_content/assessment-schema';

export const CH95 = '095-azure-ml-pipelines-batch-inference';
export const CH96 = '096-real-time-inference-online-endpoints';

export function readQuiz(slug: string): Quiz {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'chapters', slug, 'quiz.json'), 'utf8')) as Quiz;
}

export function readDrills(): Drills {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'drills', 'batch-vs-realtime.json'), 'utf8')) as Drills;
}

const textOf = (q: Question, id: string) => q.choices.find((c) => c.id === id)?.text ?? '';

export async function currentQuestion(page: Page, quiz: Quiz): Promise<Question> {
  const prompt = (await page.locator('h2.question-prompt').innerText()).trim();
  const question = quiz.questions.find((q) => q.prompt.trim() === prompt);
  if (!question) throw new Error(`no question with prompt "${prompt}"`);
  return question;
}

/** Moves items with the Move up buttons until the list matches the answer key. */
async function arrange(page: Page, q: Question): Promise<void> {
  for (let target = 0; target < q.answer.length; target++) {
    const text = textOf(q, q.answer[target] as string);
    const shown = await page.locator('.order-item .order-text').allInnerTexts();
    for (let i = shown.indexOf(text); i > target; i--) await page.getByRole('button', { name: `Move "${text}" up`, exact: true }).click();
  }
}

/** Answers the question on screen, correctly or deliberately wrongly. */
export async function answer(page: Page, q: Question, correctly: boolean): Promise<void> {
  if (q.type === 'order') {
    // The starting order is never the right one, so keeping it is a wrong answer.
    if (correctly) await arrange(page, q);
    else await page.getByRole('button', { name: 'Keep this order as my answer' }).click();
    return;
  }
  const ids = correctly ? q.answer : [q.choices.find((c) => !q.answer.includes(c.id))?.id as string];
  for (const id of ids) await page.getByLabel(textOf(q, id), { exact: true }).check();
}

/** Takes a whole quiz in exam mode with exactly `correctCount` right answers, then submits. */
export async function takeExam(page: Page, quiz: Quiz, correctCount: number): Promise<void> {
  await page.getByRole('radio', { name: /^Exam/ }).check();
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  for (let i = 0; i < quiz.questions.length; i++) {
    const q = await currentQuestion(page, quiz);
    await answer(page, q, i < correctCount);
    if (i < quiz.questions.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Submit quiz' }).click();
}
