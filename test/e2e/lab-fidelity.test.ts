// The lab shows what it teaches, in a real browser: node_count visibly
// scales the default job, each failure preset fails its own way, and bad
// links get messages that tell the truth.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openPage, useBrowser } from './browser';
import { FIRST_RUN_MS, gantt, nextResult, status } from './lab-helpers';

const RUN_MS = FIRST_RUN_MS;

async function duration(page: Page): Promise<number> {
  const text = await page.getByTestId('lab-counts').locator('.lab-count', { hasText: /^Virtual duration/ }).locator('dd').innerText();
  return Number(text.replace(/[^0-9.]/g, ''));
}

describeBrowser('what the lab teaches', () => {
  const browser = useBrowser();

  it('node_count 2 → 8 shortens the default job by at least a third; the guide says to try it', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), '/lab');
    await nextResult(page, null);
    expect(await page.getByTestId('lab-try-this').innerText()).toMatch(/move node_count from 2 to 8/);
    const atTwo = await duration(page);
    const slider = page.getByRole('slider', { name: 'node_count' });
    await slider.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => gantt(page).getAttribute('data-lanes'), { timeout: RUN_MS }).toBe('32');
    await expect.poll(async () => (await status(page).innerText()) === 'Completed' && (await duration(page)) !== atTwo, { timeout: RUN_MS }).toBe(true);
    const atEight = await duration(page);
    expect(atEight).toBeLessThanOrEqual((2 / 3) * atTwo);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('each failure preset shows its own stage, reason, timing and explanation', async () => {
    const { page, context, consoleErrors } = await openPage(browser(), '/lab');
    await nextResult(page, null);
    const cases = [
      { title: 'Missing package', stage: /^Failed in init\(\)/, reason: /ModuleNotFoundError: No module named 'onnxruntime'/ },
      { title: 'GPU model on CPU compute', stage: /^Failed in init\(\)/, reason: /RuntimeError: CUDA error/ },
      { title: 'No datastore permission', stage: /^Failed while mounting the datastore/, reason: /403 AuthorizationPermissionMismatch/ },
      { title: 'Model version not found', stage: /^Failed in init\(\)/, reason: /WebserviceException: ModelNotFound/ },
    ];
    const seen: { time: number; explanation: string }[] = [];
    for (const c of cases) {
      const before = await gantt(page).getAttribute('data-view-id');
      await page.getByRole('button', { name: c.title }).click();
      await nextResult(page, before);
      expect(await status(page).innerText(), c.title).toBe('Failed');
      expect(await page.getByTestId('lab-failure-stage').innerText(), c.title).toMatch(c.stage);
      expect(await page.locator('.lab-status-reason').innerText(), c.title).toMatch(c.reason);
      await expect.poll(() => page.locator('.lab-report pre').innerText(), { timeout: RUN_MS }).toMatch(c.reason.source.includes('403') ? /403/ : c.reason);
      seen.push({ time: await duration(page), explanation: await page.getByTestId('lab-preset-explanation').innerText() });
    }
    expect(new Set(seen.map((s) => s.time)).size).toBe(4);
    expect(new Set(seen.map((s) => s.explanation)).size).toBe(4);
    // The datastore case scored nothing and says the partial file is not Azure's.
    expect(await page.getByTestId('lab-output-lines').innerText()).toBe('0');
    expect(await page.getByTestId('lab-output-partial').innerText()).toMatch(/simulator/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a bad link on a fresh load refers to no earlier run, and a too-large value names the bound', async () => {
    const { page, context } = await openPage(browser(), '/lab?node_count=-5');
    const notice = page.locator('.lab-notice[role="alert"]');
    await expect.poll(() => notice.innerText(), { timeout: RUN_MS }).toMatch(/nothing has run yet/);
    expect(await notice.innerText()).not.toMatch(/last valid run/);
    expect(await page.getByRole('alert').first().innerText()).toMatch(/node_count is -5; it must be an integer of at least 1 node, so -5 is below the minimum/);
    await page.goto(new URL('/lab?process_count_per_node=1e9', page.url()).href);
    await expect.poll(() => page.locator('body').innerText(), { timeout: RUN_MS }).toMatch(/process_count_per_node is 1000000000; it must be an integer from 1 to 16, so 1000000000 is above the maximum/);
    await context.close();
  });
});
