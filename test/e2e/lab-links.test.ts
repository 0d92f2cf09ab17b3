// "See it in the lab", in the real browser: a wrong answer's lab link opens
// the lab with the link's settings, runs it, highlights what the sentence
// names, and "Back to the question" returns to the same place, for a
// practice question, the review of a submitted quiz, and a drill.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DrillScenario, Question } from '@/app/_content/assessment-schema';
import { decodeLabState } from '@/app/_features/lab/model/url';
import { describeBrowser, openPage, useBrowser } from './browser';
import { FIRST_RUN_MS, status } from './lab-helpers';
import { answer, CH95, currentQuestion, readDrills, readQuiz } from './practice-helpers';

const quiz95 = readQuiz(CH95);
const drills = readDrills();

/** On the lab page opened from a link: the sentence, the run, the highlighted part and the claimed status. */
async function expectLinkedRun(page: Page, link: NonNullable<Question['lab']>): Promise<void> {
  await page.waitForURL(/\/lab\?/);
  expect(decodeLabState(new URL(page.url()).search)).not.toBeNull();
  const callout = page.getByTestId('lab-watch');
  await callout.waitFor({ timeout: FIRST_RUN_MS });
  expect(await callout.innerText()).toContain(link.watch);
  const target = page.locator(`.lab-watch-on[data-watch="${link.show}"]`);
  await target.waitFor({ timeout: FIRST_RUN_MS });
  expect(await target.getByTestId('lab-watch-label').innerText()).toContain(link.watch);
  if (link.expect.status) expect(await status(page).innerText()).toBe(link.expect.status);
  if (link.show === 'log' && link.log) {
    const mark = page.getByTestId('lab-log-mark');
    await mark.waitFor({ timeout: FIRST_RUN_MS });
    expect((await mark.innerText()).toLowerCase()).toContain(link.log.find.toLowerCase());
  }
}

describeBrowser('see it in the lab', () => {
  const browser = useBrowser();

  it('from a wrongly answered practice question and from the quiz review, and back to each', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), `/chapters/${CH95}/quiz`);
    await page.getByRole('radio', { name: /^Practice/ }).check();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    // Wrong answers until a question with a lab link comes up.
    let question = await currentQuestion(page, quiz95);
    for (let i = 0; !question.lab && i < quiz95.questions.length; i++) {
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      question = await currentQuestion(page, quiz95);
    }
    const link = question.lab as NonNullable<Question['lab']>;
    await answer(page, question, false);
    await page.getByRole('button', { name: 'Check answer' }).click();
    expect(await page.locator('.verdict-bad').count()).toBe(1);
    const see = page.getByTestId('see-in-lab');
    expect(await see.locator('xpath=..').innerText()).toContain(link.watch);
    await see.click();
    await expectLinkedRun(page, link);

    await page.getByTestId('lab-watch-back').click();
    await page.waitForURL(new RegExp(`/chapters/${CH95}/quiz#q-${question.id}-prompt$`));
    // The same question, still answered and checked, with its link.
    expect((await currentQuestion(page, quiz95)).id).toBe(question.id);
    expect(await page.locator('.verdict-bad').count()).toBe(1);
    expect(await page.getByTestId('see-in-lab').count()).toBe(1);

    // Submit; in the review, follow another question's link and come back to it.
    await page.getByRole('button', { name: 'Submit quiz' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.locator('.result-score').waitFor();
    const reviewed = quiz95.questions.find((q) => q.lab && q.id !== question.id && q.lab.show !== link.show) ?? quiz95.questions.find((q) => q.lab && q.id !== question.id);
    const item = page.locator(`#review-${reviewed?.id}`);
    await item.getByTestId('see-in-lab').click();
    await expectLinkedRun(page, reviewed?.lab as NonNullable<Question['lab']>);
    await page.getByTestId('lab-watch-back').click();
    await page.waitForURL(/\/quiz\?review=/);
    await page.locator(`#review-${reviewed?.id}`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`review-${reviewed?.id}`);
    expect(await page.locator('.result-score').innerText()).toMatch(/of \d+ correct/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('from a wrongly answered drill, and back to the same scenario', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), '/drills');
    const scenarioOnScreen = async (): Promise<DrillScenario> => {
      const text = (await page.locator('.drill-card .drill-text').first().innerText()).trim();
      return drills.scenarios.find((s) => s.text.trim() === text) as DrillScenario;
    };
    let scenario = await scenarioOnScreen();
    for (let i = 0; !scenario.lab && i < drills.scenarios.length; i++) {
      await page.getByRole('button', { name: 'Batch', exact: true }).click();
      await page.getByRole('button', { name: 'Next scenario' }).click();
      scenario = await scenarioOnScreen();
    }
    const wrong = scenario.pattern === 'batch' ? 'Real-time' : 'Batch';
    await page.getByRole('button', { name: wrong, exact: true }).click();
    await page.getByTestId('see-in-lab').click();
    await expectLinkedRun(page, scenario.lab as NonNullable<Question['lab']>);
    await page.getByTestId('lab-watch-back').click();
    await page.waitForURL(/\/drills\?scenario=/);
    await page.locator('.drill-feedback').waitFor();
    expect(await page.locator('.drill-feedback .verdict-bad').count()).toBe(1);
    expect(await page.locator('.drill-feedback').innerText()).toContain(scenario.explanation);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
