import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openPage, useBrowser, type WatchedPage } from './browser';
import { FIRST_RUN_MS, gantt, nextResult, status } from './lab-helpers';

const CHAPTER = '/chapters/095-azure-ml-pipelines-batch-inference';

async function openLab(watched: Promise<WatchedPage>): Promise<WatchedPage & { first: string }> {
  const opened = await watched;
  const first = await nextResult(opened.page);
  return { ...opened, first };
}

const countOf = async (counts: Locator, term: string): Promise<number> =>
  Number((await counts.locator('.lab-count', { hasText: new RegExp(`^${term}`) }).locator('dd').innerText()).replace(/,/g, '').split(' ')[0]);

function expectClean(watched: WatchedPage): void {
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
}

describeBrowser('the ParallelRunStep lab', () => {
  const browser = useBrowser();

  it('redraws the timeline with more lanes when node_count grows, and keeps it in the URL', async () => {
    const watched = await openLab(openPage(browser(), '/lab'));
    const { page } = watched;
    expect(await gantt(page).getAttribute('data-lanes')).toBe('8');
    const slider = page.getByRole('slider', { name: 'node_count' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => gantt(page).getAttribute('data-lanes'), { timeout: FIRST_RUN_MS }).toBe('16');
    expect(await page.locator('.lab-lane-label').evaluateAll((labels) => labels.map((l) => l.textContent))).toEqual(['node-0', 'node-1', 'node-2', 'node-3']);
    // Written 800 ms after the last change, when the page is idle.
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('node_count=4');
    // The link reproduces the run.
    const again = await openLab(openPage(browser(), new URL(page.url()).pathname + new URL(page.url()).search));
    expect(await again.page.getByRole('slider', { name: 'node_count' }).inputValue()).toBe('4');
    expect(await gantt(again.page).getAttribute('data-lanes')).toBe('16');
    expectClean(watched);
    expectClean(again);
    await again.context.close();
    await watched.context.close();
  });

  it('fails the job with the engine’s reason once failures pass error_threshold, and shows an invalid value’s message', async () => {
    const watched = await openLab(openPage(browser(), '/lab'));
    const { page } = watched;
    expect(await status(page).innerText()).toBe('Completed');
    const threshold = page.getByRole('textbox', { name: 'error_threshold' });
    await threshold.fill('10');
    await expect.poll(() => status(page).innerText(), { timeout: FIRST_RUN_MS }).toBe('Failed');
    const reason = await page.locator('.lab-status-reason').innerText();
    expect(reason).toMatch(/^error_threshold exceeded: (\d+) failed items is above the limit of 10$/);
    const failed = Number(/: (\d+) failed/.exec(reason)?.[1]);
    expect(failed).toBeGreaterThan(10);
    expect(await page.getByTestId('lab-counts').innerText()).toMatch(/Items not run\n[1-9]/);
    // An invalid value keeps the last chart and shows the engine's message beside the field.
    await page.getByRole('textbox', { name: 'mini_batch_size' }).fill('32 KB');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/mini_batch_size is "32 KB"; it must be a positive whole number of bytes/);
    expect(await status(page).innerText()).toBe('Failed');
    expect(await page.locator('.lab-gantt-bars rect').count()).toBeGreaterThan(0);
    expectClean(watched);
    await watched.context.close();
  });

  it('downloads the append_row file with one line per succeeded item, and has none with summary_only', async () => {
    const watched = await openLab(openPage(browser(), '/lab'));
    const { page } = watched;
    const counts = page.getByTestId('lab-counts');
    const succeeded = await countOf(counts, 'Items succeeded');
    expect(succeeded).toBeGreaterThan(0);
    expect(Number((await page.getByTestId('lab-output-lines').innerText()).replace(/,/g, ''))).toBe(succeeded);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download parallel_run_step.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('parallel_run_step.txt');
    const text = await readFile((await download.path()) as string, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(succeeded);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ id: expect.stringMatching(/^cr-/), score: expect.any(Number) });
    const previous = await gantt(page).getAttribute('data-view-id');
    await page.getByRole('combobox', { name: 'output_action' }).selectOption('summary_only');
    await nextResult(page, previous);
    expect(await page.getByTestId('lab-no-output').innerText()).toMatch(/No output file/);
    expect(await page.getByRole('button', { name: /^Download / }).count()).toBe(0);
    expectClean(watched);
    await watched.context.close();
  });

  it('can be operated with the keyboard alone, with a visible focus', async () => {
    const watched = await openLab(openPage(browser(), '/lab'));
    const { page } = watched;
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return { name: el?.getAttribute('aria-label') ?? label ?? el?.textContent?.trim() ?? '', tag: el?.tagName ?? '', outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' };
      });
    async function tabTo(name: string | RegExp, limit = 120) {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        expect(now.outline, `focus ring on ${now.tag} ${now.name}`).not.toMatch(/^none|^\S+ 0px/);
        if (typeof name === 'string' ? now.name === name : name.test(now.name)) return;
      }
      throw new Error(`never reached ${String(name)} with Tab`);
    }
    // A preset, chosen from the keyboard.
    await tabTo('Missing package');
    const before = await gantt(page).getAttribute('data-view-id');
    await page.keyboard.press('Enter');
    await nextResult(page, before);
    expect(await status(page).innerText()).toBe('Failed');
    expect(await page.locator('.lab-report pre').innerText()).toMatch(/ModuleNotFoundError: No module named 'onnxruntime'/);
    await tabTo('Reset all settings');
    const reset = await gantt(page).getAttribute('data-view-id');
    await page.keyboard.press('Enter');
    await nextResult(page, reset);
    // A control: node_count with the arrow keys.
    await tabTo('node_count');
    const lanes = await gantt(page).getAttribute('data-lanes');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => gantt(page).getAttribute('data-lanes'), { timeout: FIRST_RUN_MS }).not.toBe(lanes);
    // Run the replay, then step through it.
    await tabTo('Run');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused()).name).toBe('Step');
    await page.keyboard.press('Enter');
    expect(await page.locator('.lab-clock').innerText()).toMatch(/Virtual time/);
    // Read a bar of the timeline.
    await tabTo('Timeline bars');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('lab-gantt-readout').innerText()).toMatch(/node-\d+/);
    expectClean(watched);
    await watched.context.close();
  });

  it('jumps to the end of the run instead of animating when motion is reduced', async () => {
    const watched = await openLab(openPage(browser(), '/lab', { reducedMotion: 'reduce' }));
    const { page } = watched;
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    expect(await page.locator('.lab-clock').innerText()).toMatch(/^Virtual time 0\.0 s/);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    const clock = await page.locator('.lab-clock').innerText();
    const [shown, total] = [...clock.matchAll(/([\d.]+) s/g)].map((m) => m[1]);
    expect(shown).toBe(total);
    expectClean(watched);
    await watched.context.close();
  });
});

describeBrowser('the lab inside chapter 95', () => {
  const browser = useBrowser();

  it('loads nothing heavy until a simulator scrolls into view, then runs it', async () => {
    const watched = await openPage(browser(), CHAPTER);
    const { page } = watched;
    const heavy: string[] = [];
    page.on('request', (request) => {
      if (/credit-risk\.onnx|\.wasm|sensor-files\.json/.test(request.url())) heavy.push(request.url());
    });
    await page.waitForTimeout(1_000);
    expect(heavy).toEqual([]);
    const lab = page.locator('.lab-mount').nth(1);
    expect(await lab.getAttribute('data-lab-mounted')).toBe('false');
    // The heading and introduction are in the page itself; only the rest waits.
    expect(await page.getByTestId('parallel-run-lab').getByRole('heading', { name: 'ParallelRunStep lab' }).count()).toBe(1);
    await lab.scrollIntoViewIfNeeded();
    await nextResult(page);
    expect(await status(page).innerText()).toBe('Completed');
    expect(heavy.some((url) => url.endsWith('/models/credit-risk.onnx'))).toBe(true);
    expectClean(watched);
    await watched.context.close();
  });

  it('runs the mini-batch splitter and the error_threshold playground beside their sections', async () => {
    const watched = await openPage(browser(), CHAPTER);
    const { page } = watched;
    const splitter = page.getByTestId('mini-batch-splitter');
    await page.locator('#mini_batch_size').scrollIntoViewIfNeeded();
    await expect.poll(() => splitter.getByTestId('splitter-count').innerText().catch(() => ''), { timeout: FIRST_RUN_MS }).toMatch(/^\d+$/);
    const before = Number(await splitter.getByTestId('splitter-count').innerText());
    await splitter.getByRole('textbox', { name: 'mini_batch_size' }).fill('8KB');
    await expect.poll(() => splitter.getByTestId('splitter-count').innerText(), { timeout: FIRST_RUN_MS }).not.toBe(String(before));
    expect(Number(await splitter.getByTestId('splitter-count').innerText())).toBeGreaterThan(before);

    const playground = page.getByTestId('error-threshold-playground');
    // The playground's placeholder (the third simulator on the page) starts it once it is near the viewport.
    await page.locator('.lab-mount').nth(2).scrollIntoViewIfNeeded();
    await playground.waitFor({ timeout: FIRST_RUN_MS });
    await expect.poll(() => playground.getByTestId('lab-status').innerText().catch(() => ''), { timeout: FIRST_RUN_MS }).toMatch(/Completed|Failed/);
    await playground.getByRole('textbox', { name: 'error_threshold' }).fill('-1');
    await expect.poll(() => playground.getByTestId('lab-status').innerText(), { timeout: FIRST_RUN_MS }).toBe('Completed');
    await playground.getByRole('textbox', { name: 'error_threshold' }).fill('0');
    await expect.poll(() => playground.getByTestId('lab-status').innerText(), { timeout: FIRST_RUN_MS }).toBe('Failed');
    expect(await playground.locator('.lab-status-reason').innerText()).toMatch(/above the limit of 0/);
    expectClean(watched);
    await watched.context.close();
  });
});
