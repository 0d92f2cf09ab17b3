// FSRS cards and readiness by section, in the real browser: rate cards and
// undo, then see a quiz change the readiness figures and bring a card forward,
// then a "practise these" session that mixes questions, cards and drills.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CardDeck } from '@/app/_content/assessment-schema';
import { describeBrowser, openPage, useBrowser } from './browser';
import { answer, CH95, currentQuestion, readQuiz } from './practice-helpers';

const quiz95 = readQuiz(CH95);
const cards95 = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'chapters', CH95, 'cards.json'), 'utf8')) as CardDeck).cards;
const origin = (page: Page) => new URL(page.url()).origin;

type SavedCard = { due: string; state: string; reps: number };
const savedCards = (page: Page) =>
  page.evaluate((slug) => (JSON.parse(localStorage.getItem('bil-progress') ?? '{}').state?.cards?.[slug] ?? {}) as Record<string, SavedCard>, CH95);

const readinessOf = (page: Page, section: string) => page.locator(`tr[data-section="${CH95}#${section}"] td[data-readiness]`).getAttribute('data-readiness').then(Number);

describeBrowser('practice: FSRS cards and readiness by section', () => {
  const browser = useBrowser();

  it('rates cards with Again/Hard/Good/Easy from the keyboard, shows when each is due next, and undoes the last rating', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), `/chapters/${CH95}/cards`);
    const total = cards95.length;
    await expect.poll(() => page.locator('.due-count').innerText()).toBe(`${total} of ${total} cards due now`);
    expect(await page.getByLabel('Desired retention').inputValue()).toBe('0.9');
    await page.getByRole('button', { name: `Review the ${total} due cards` }).click();

    const [first, second] = cards95;
    await page.getByRole('button', { name: 'Show the answer' }).press('Enter');
    expect(await page.locator('.flash-front').innerText()).toBe(first?.front);
    // Every rating button says what it means and when the card would return.
    for (const name of [/^Again: I did not know it, next in 1 minute$/, /^Hard: I knew it, with effort, next in 6 minutes$/, /^Good: I knew it, next in 10 minutes$/, /^Easy: I knew it at once, next in \d+ days$/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(1);
    }
    await page.keyboard.press('3'); // Good
    await expect.poll(() => page.getByTestId('next-due').innerText()).toBe('10 minutes');
    expect(await page.locator('.card-last').innerText()).toContain(`Rated Good: “${first?.front}” is next due in 10 minutes`);
    expect((await savedCards(page))[first?.id as string]).toMatchObject({ state: 'learning', reps: 1 });

    await page.getByRole('button', { name: 'Show the answer' }).click();
    expect(await page.locator('.flash-front').innerText()).toBe(second?.front);
    await page.getByRole('button', { name: /^Easy/ }).click();
    await expect.poll(() => page.getByTestId('next-due').innerText()).toMatch(/^\d+ days$/);
    expect((await savedCards(page))[second?.id as string]).toMatchObject({ state: 'review', reps: 1 });

    // Undo: the second card is new again and back on screen, the first keeps its rating.
    await page.getByRole('button', { name: 'Undo the last rating' }).click();
    expect(await page.locator('.flash-front').innerText()).toBe(second?.front);
    expect(await page.getByRole('button', { name: /^Easy/ }).count()).toBe(1);
    const afterUndo = await savedCards(page);
    expect(afterUndo[second?.id as string]).toBeUndefined();
    expect(afterUndo[first?.id as string]).toMatchObject({ reps: 1 });

    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.due-count').innerText()).toBe(`${total - 1} of ${total} cards due now`);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('changes readiness after a quiz, brings the missed section\'s card forward, and offers a mixed session on the weakest sections', async () => {
    const card = cards95.find((c) => c.section === 'batch-inference-vs-real-time-inference');
    const target = card?.section as string;
    const { page, context, consoleErrors } = await openPage(browser(), `/chapters/${CH95}/cards`);
    await page.getByRole('button', { name: 'Study all' }).click();
    while ((await page.locator('.flash-front').innerText()) !== card?.front) {
      await page.getByRole('button', { name: 'Show the answer' }).click();
      await page.getByRole('button', { name: /^Good/ }).click();
    }
    await page.getByRole('button', { name: 'Show the answer' }).click();
    await page.getByRole('button', { name: /^Easy/ }).click();
    const dueBefore = Date.parse((await savedCards(page))[card?.id as string]?.due ?? '');
    expect(dueBefore).toBeGreaterThan(Date.now() + 86_400_000);

    await page.goto(`${origin(page)}/progress`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Readiness by section' }).waitFor();
    expect(await page.getByText(/^Each section's readiness is a weighted average/).count()).toBe(1);
    expect(await readinessOf(page, 'the-assembly-line')).toBe(0);
    const targetBefore = await readinessOf(page, target);
    expect(targetBefore).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.readiness-figure .recharts-wrapper').count()).toBeGreaterThan(0);

    // The whole quiz, right except for the target section's questions.
    await page.goto(`${origin(page)}/chapters/${CH95}/quiz`, { waitUntil: 'networkidle' });
    await page.getByRole('radio', { name: /^Exam/ }).check();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    for (let i = 0; i < quiz95.questions.length; i++) {
      const q = await currentQuestion(page, quiz95);
      await answer(page, q, q.section !== target);
      if (i < quiz95.questions.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    const submitted = Date.now();
    await page.getByRole('button', { name: 'Submit quiz' }).click();
    await page.locator('.result-score').waitFor();
    const dueAfter = Date.parse((await savedCards(page))[card?.id as string]?.due ?? '');
    expect(dueAfter).toBeLessThanOrEqual(Date.now());
    expect(dueAfter).toBeGreaterThanOrEqual(submitted - 5_000);

    await page.goto(`${origin(page)}/progress`, { waitUntil: 'networkidle' });
    await expect.poll(() => readinessOf(page, 'the-assembly-line')).toBe(100);
    // The target's quiz part is 0 now; its card was brought forward, not forgotten.
    expect(await readinessOf(page, target)).toBe(targetBefore);
    const weakest = page.getByTestId('weakest').locator('li');
    expect(await weakest.count()).toBe(3);
    expect(await weakest.first().getAttribute('data-section')).toBe(`${CH95}#${target}`);

    // A mixed session: go through every item, answering each kind the way it asks.
    await page.getByRole('button', { name: 'Practise these 3 sections' }).click();
    const kinds = new Set<string>();
    for (let step = 0; step < 30 && (await page.getByRole('heading', { name: 'Session complete' }).count()) === 0; step++) {
      const kind = await page.locator('.practice-kind').innerText();
      kinds.add(kind.split(' · ')[0] as string);
      if (kind.startsWith('Quiz question')) {
        await answer(page, await currentQuestion(page, quiz95), true);
        await page.getByRole('button', { name: 'Check answer' }).click();
      } else if (kind.startsWith('Knowledge card')) {
        await page.getByRole('button', { name: 'Show the answer' }).click();
        await page.getByRole('button', { name: /^Good/ }).click();
        await page.getByTestId('next-due').waitFor();
      } else {
        await page.getByRole('button', { name: 'Batch', exact: true }).click();
      }
      await page.getByRole('button', { name: /^(Next item|Finish the session)$/ }).click();
    }
    expect(kinds).toEqual(new Set(['Quiz question', 'Knowledge card', 'Batch or real-time drill']));
    await page.getByRole('button', { name: 'Back to readiness' }).click();
    await expect.poll(() => readinessOf(page, target)).toBeGreaterThan(targetBefore);
    const history = await page.evaluate((slug) => JSON.parse(localStorage.getItem('bil-progress') ?? '{}').state.attempts[slug].map((a: { kind: string }) => a.kind), CH95);
    expect(history).toEqual(['full', 'mixed']);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
