// Keyboard only: complete a quiz, run the simulator and finish a drill sprint
// with Tab, Enter, Space and the arrow keys, checking after every Tab that the
// focused element shows a visible focus indicator.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, describeBrowser, useBrowser } from './browser';
import { CH95, readQuiz } from './practice-helpers';

interface Focused {
  tag: string;
  type: string | null;
  name: string;
  /** :focus-visible matches and an outline or box shadow is drawn. */
  visible: boolean;
  /** Focus is on the page's body, i.e. it went out to the browser between the last and first element. */
  outside: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', type: null, name: '', visible: false, outside: true };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const labelled = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), name: labelled.trim().replace(/\s+/g, ' '), visible: el.matches(':focus-visible') && (outline || shadow), outside: false };
  });
}

/** Presses Tab until `wanted` matches the focused element; every stop on the way must show its focus. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.outside) continue;
    expect(f.visible, `focus not visible on <${f.tag}> "${f.name}" while tabbing to ${what}`).toBe(true);
    if (wanted(f)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const named = (name: string | RegExp) => (f: Focused) => (typeof name === 'string' ? f.name === name : name.test(f.name));

describeBrowser('quality: keyboard only', () => {
  const browser = useBrowser();

  it('completes a quiz', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/chapters/${CH95}/quiz`, { waitUntil: 'networkidle' });
    await tabTo(page, named('Start the quiz'), 'the start button');
    await page.keyboard.press('Enter');
    const total = readQuiz(CH95).questions.length;
    for (let i = 0; i < total; i++) {
      await page.locator('h2.question-prompt').waitFor();
      // Any answer will do: the point is that one can be given without a mouse.
      await tabTo(page, (f) => (f.tag === 'input' && (f.type === 'radio' || f.type === 'checkbox')) || f.name === 'Keep this order as my answer', `an answer to question ${i + 1}`);
      const f = await focused(page);
      await page.keyboard.press(f.tag === 'input' ? 'Space' : 'Enter');
      const last = i === total - 1;
      await tabTo(page, named(last ? 'Submit quiz' : 'Next'), last ? 'Submit quiz' : `Next after question ${i + 1}`);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.result-score').innerText()).toMatch(new RegExp(`^\\d+ of ${total} correct`));
    await context.close();
  });

  it('runs the simulator', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/lab`, { waitUntil: 'networkidle' });
    const status = page.getByTestId('lab-status').first();
    await expect.poll(() => status.innerText(), { timeout: 90_000 }).toMatch(/^Completed/);
    await tabTo(page, named(/node_count/), 'the node_count slider');
    const slider = page.getByRole('slider', { name: /node_count/ });
    const [before, drawn] = [await slider.inputValue(), await page.getByTestId('lab-gantt').getAttribute('data-view-id')];
    await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).not.toBe(before);
    // A new simulation ran in the worker and its timeline was drawn.
    await expect.poll(() => page.getByTestId('lab-gantt').getAttribute('data-view-id'), { timeout: 90_000 }).not.toBe(drawn);
    await expect.poll(() => status.innerText(), { timeout: 90_000 }).toMatch(/^Completed$/);
    await tabTo(page, named('Run'), 'the Run button');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.innerText(), { timeout: 90_000 }).toMatch(/^Completed$/);
    await context.close();
  });

  it('finishes a drill sprint', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/drills?seconds=3`, { waitUntil: 'networkidle' });
    await tabTo(page, named('Sprint (3 s)'), 'the sprint mode button');
    await page.keyboard.press('Enter');
    await tabTo(page, named('Start the 3-second sprint'), 'the start button');
    await page.keyboard.press('Enter');
    const finished = page.getByRole('heading', { name: 'Sprint finished' });
    // Answer "Batch" until the clock runs out; focus may stay on the button or move on with each scenario.
    while (!(await finished.isVisible())) {
      if ((await focused(page)).name !== 'Batch') await tabTo(page, named('Batch'), 'the Batch answer').catch((error: unknown) => finished.isVisible().then((done) => (done ? undefined : Promise.reject(error))));
      if (await finished.isVisible()) break;
      await page.keyboard.press('Enter');
    }
    await finished.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('sprint-score').innerText()).toMatch(/^\d+ correct of [1-9]\d* answered/);
    await context.close();
  });
});
