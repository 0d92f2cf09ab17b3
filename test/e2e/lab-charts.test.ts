import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openPage, useBrowser } from './browser';
import { FIRST_RUN_MS, nextResult } from './lab-helpers';

const items = (page: Page) => page.locator('figure[aria-labelledby="lab-items-title"]');
const lines = (page: Page) => items(page).locator('.recharts-line-curve');
const summary = (page: Page) => items(page).locator('.lab-figure-summary');

/** Drawn width of the succeeded line (0 when it is not drawn). */
async function lineWidth(page: Page): Promise<number> {
  if ((await lines(page).count()) === 0) return 0;
  return lines(page).first().evaluate((path) => (path as SVGPathElement).getBBox().width);
}

describeBrowser('the lab’s progress charts during a replay', () => {
  const browser = useBrowser();

  it('cut their lines at the replay cursor, and draw the whole run at its end', async () => {
    const watched = await openPage(browser(), '/lab');
    const { page } = watched;
    await nextResult(page);
    await page.getByTestId('lab-charts-slot').scrollIntoViewIfNeeded();
    await items(page).waitFor({ timeout: FIRST_RUN_MS });
    // At the end of the run: both lines, and the caption's totals.
    await expect.poll(() => lines(page).count(), { timeout: 10_000 }).toBe(2);
    const full = await lineWidth(page);
    expect(full).toBeGreaterThan(100);
    const totals = /^([\d,]+) items? succeeded and ([\d,]+) failed by .+, of ([\d,]+)\.$/.exec(await summary(page).innerText());
    const [succeeded, failed, total] = (totals ?? []).slice(1).map((n) => Number(n.replace(/,/g, '')));
    expect(succeeded).toBeGreaterThan(0);
    expect((succeeded ?? 0) + (failed ?? 0)).toBe(total);

    // Before the first node is ready nothing has been processed: no line yet.
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => lines(page).count(), { timeout: 10_000 }).toBe(0);
    expect(await summary(page).innerText()).toMatch(/^0 items succeeded and 0 failed by 0(\.0+)? s/);

    // A few events in: the line reaches the cursor, not the end.
    const step = page.getByRole('button', { name: 'Step', exact: true });
    for (let i = 0; i < 40; i++) await step.click();
    await expect.poll(() => lineWidth(page), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await lineWidth(page)).toBeLessThan(full);
    expect(watched.consoleErrors).toEqual([]);
    await watched.context.close();
  });
});
