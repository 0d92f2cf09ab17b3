import { expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { describeBrowser, openPage, useBrowser } from './browser';
import { answer, CH95, CH96, currentQuestion, readDrills, readQuiz, takeExam } from './practice-helpers';

const quiz95 = readQuiz(CH95);
const drills = readDrills();
const total = quiz95.questions.length;
// The smallest passing score, found with the same integer rule the app must use.
const passing = Array.from({ length: total + 1 }, (_, n) => n).find((n) => n * 100 >= quiz95.passPercent * total) as number;

const isVisible = (page: import('playwright-core').Page, selector: string) => page.locator(selector).first().isVisible();

describeBrowser('practice: quizzes unlock chapters', () => {
  const browser = useBrowser();

  it('keeps chapter 96 locked after a fail, unlocks it after a pass, and keeps it unlocked after a reload', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser(), `/chapters/${CH96}`);
    // Locked from the first paint: notice shown, content hidden.
    expect(await isVisible(page, `[data-lock-notice="${CH96}"]`)).toBe(true);
    expect(await isVisible(page, '.prose')).toBe(false);

    await page.goto(`${new URL(page.url()).origin}/chapters/${CH95}/quiz`, { waitUntil: 'networkidle' });
    await takeExam(page, quiz95, passing - 1);
    await expect.poll(() => page.locator('.result-score').innerText()).toMatch(new RegExp(`^${passing - 1} of ${total} correct .*not passed`));

    await page.getByRole('link', { name: 'Course' }).click();
    await page.waitForURL(/\/$/);
    await expect.poll(() => page.locator(`.course-card:has(a[href="/chapters/${CH96}"]) [data-state]`).getAttribute('data-state')).toBe('locked');
    await expect.poll(() => page.locator(`.course-card:has(a[href="/chapters/${CH95}"]) [data-state]`).getAttribute('data-state')).toBe('in-progress');
    await page.goto(`${new URL(page.url()).origin}/chapters/${CH96}`, { waitUntil: 'networkidle' });
    expect(await isVisible(page, '.prose')).toBe(false);

    await page.goto(`${new URL(page.url()).origin}/chapters/${CH95}/quiz`, { waitUntil: 'networkidle' });
    await takeExam(page, quiz95, passing);
    await expect.poll(() => page.locator('.result-score').innerText()).toMatch(new RegExp(`^${passing} of ${total} correct .*: passed`));
    await page.locator('.unlock-message').getByRole('link').click();
    await page.waitForURL(`**/chapters/${CH96}`);
    await expect.poll(() => isVisible(page, '.prose')).toBe(true);
    expect(await isVisible(page, `[data-lock-notice="${CH96}"]`)).toBe(false);

    // Before any React code runs, the blocking init script already opened the chapter.
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await isVisible(page, '.prose')).toBe(true);
    expect(await isVisible(page, `[data-lock-notice="${CH96}"]`)).toBe(false);

    await page.goto(`${new URL(page.url()).origin}/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator(`.course-card:has(a[href="/chapters/${CH96}"]) [data-state]`).getAttribute('data-state')).toBe('unlocked');
    expect(await page.locator(`.course-card:has(a[href="/chapters/${CH95}"]) [data-state]`).innerText()).toMatch(/Passed · best \d+(\.\d)?%/);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('remembers the reading position and offers to continue there', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), `/chapters/${CH95}`);
    // Widgets above the heading may still grow while they load, so keep scrolling it into view until the position settles.
    const readHeading = () =>
      page.evaluate(() => {
        document.getElementById('scheduling-and-triggers')?.scrollIntoView();
        return JSON.parse(localStorage.getItem('bil-progress') ?? '{}').state?.reading?.['095-azure-ml-pipelines-batch-inference']?.heading;
      });
    await expect.poll(readHeading, { timeout: 10_000, interval: 300 }).toBe('scheduling-and-triggers');
    await page.goto(page.url().split('#')[0] as string, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('link', { name: 'Continue where you left off: Scheduling and triggers' }).click();
    await page.waitForURL(/#scheduling-and-triggers$/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('resumes a quiz after a reload in the middle of it', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), `/chapters/${CH95}/quiz`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const q = await currentQuestion(page, quiz95);
      seen.push(q.prompt);
      await answer(page, q, true);
      if (i === 1) await page.getByRole('button', { name: '⚐ Flag for review' }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    const fourth = (await currentQuestion(page, quiz95)).prompt;

    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('h2.question-prompt').innerText()).toBe(fourth);
    expect(await page.locator('.quiz-counts').innerText()).toBe(`3 of ${total} answered · 1 flagged`);
    await page.getByRole('button', { name: /^Question 2, answered, flagged$/ }).click();
    expect(await page.locator('h2.question-prompt').innerText()).toBe(seen[1]);
    await page.getByRole('button', { name: /^Question 1, answered$/ }).click();
    expect(await page.locator('h2.question-prompt').innerText()).toBe(seen[0]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describeBrowser('practice: drills and progress files', () => {
  const browser = useBrowser();

  it('fits a 360 px wide screen: an order question and the full review', async () => {
    const { page, context } = await openPage(browser(), `/chapters/${CH95}/quiz`, { viewport: { width: 360, height: 740 } });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    while ((await page.locator('.order-list').count()) === 0) await page.getByRole('button', { name: 'Next', exact: true }).click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Submit quiz' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.locator('.quiz-review').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('finishes a drill sprint and keeps the stats', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), '/drills?seconds=3');
    await page.getByRole('button', { name: 'Sprint (3 s)' }).click();
    expect(await page.getByLabel('Round length').inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Start the 3-second sprint' }).click();
    await page.getByRole('button', { name: 'Batch', exact: true }).click();
    await page.getByRole('button', { name: 'Real-time', exact: true }).click();
    await page.keyboard.press('b');
    await page.getByRole('heading', { name: 'Sprint finished' }).waitFor({ timeout: 10_000 });
    const result = await page.getByTestId('sprint-score').innerText();
    const [, score, answered] = /^(\d+) correct of (\d+) answered/.exec(result) ?? [];
    expect(Number(answered)).toBe(3);
    expect(await page.locator('[data-stat="sprints"]').innerText()).toBe('1');

    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('[data-stat="sprints"]').innerText()).toBe('1');
    expect(await page.locator('[data-stat="best-sprint"]').innerText()).toBe(`${score} correct`);
    expect(await page.locator('[data-stat="accuracy"]').innerText()).toMatch(new RegExp(`\\(${score} of 3\\)`));
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('highlights the cue words and names the pattern after a practice answer', async () => {
    const { page, context } = await openPage(browser(), '/drills');
    await page.getByRole('button', { name: 'Batch', exact: true }).click();
    const text = await page.locator('.drill-feedback .drill-text').innerText();
    const scenario = drills.scenarios.find((d) => d.text === text);
    expect(scenario, text).toBeDefined();
    const marked = await page.locator('.drill-feedback mark.cue').allInnerTexts();
    expect(marked.length).toBeGreaterThanOrEqual(scenario?.cues.length ?? 1);
    for (const m of marked) expect(scenario?.cues.map((c) => c.toLowerCase())).toContain(m.toLowerCase());
    const verdict = await page.locator('.drill-feedback .verdict').innerText();
    expect(verdict).toMatch(scenario?.pattern === 'batch' ? /^✓ Correct\. This is batch;/ : /^✗ Not quite: you answered batch\. This is real-time;/);
    await context.close();
  });

  it('rejects a corrupted progress file and loses nothing; a good export imports back', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), `/chapters/${CH95}/quiz`);
    await takeExam(page, quiz95, passing);
    await page.goto(`${new URL(page.url()).origin}/progress`, { waitUntil: 'networkidle' });
    const before = await page.evaluate(() => localStorage.getItem('bil-progress'));
    expect(before).toContain(CH96);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress to a file' }).click();
    const exported = await readFile((await (await download).path()) as string, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ app: 'batch-inference-lab', version: 2, progress: { unlocked: [CH96] } });

    const broken = exported.replace(/"correct": \d+/, '"correct": "many"');
    await page.getByLabel(/Progress file/).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await expect.poll(() => page.locator('.form-error').innerText()).toMatch(/not imported: the field progress\.attempts\["095-[^"]+"\]\[0\]\.correct .*Your progress has not changed/);
    await page.getByLabel(/Progress file/).setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"app": "batch-inf') });
    await expect.poll(() => page.locator('.form-error').innerText()).toMatch(/not valid JSON/);
    expect(await page.evaluate(() => localStorage.getItem('bil-progress'))).toBe(before);

    await page.getByLabel(/Progress file/).setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await page.getByRole('button', { name: 'Replace my progress' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).count()).toBe(1);

    await page.goto(`${new URL(page.url()).origin}/chapters/${CH96}`, { waitUntil: 'networkidle' });
    expect(await isVisible(page, '.prose')).toBe(true);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('survives corrupted saved progress with a visible notice', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), '/');
    await page.evaluate(() => localStorage.setItem('bil-progress', '{"state": {"unlocked": ["096-x"], "drills": {"answered": -1}}, "version": 1}'));
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.progress-notice').innerText()).toMatch(/Some saved progress could not be read and was reset: drill stats/);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.progress-notice').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
