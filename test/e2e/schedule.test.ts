import { expect, it } from 'vitest';
import { nextRunTimes } from '@/engine/index';
import { formatUtc } from '@/app/_features/schedule/model/format-time';
import { baseUrl, describeBrowser, openPage, useBrowser } from './browser';

const CHAPTER = '/chapters/095-azure-ml-pipelines-batch-inference';

describeBrowser('chapter 95 widgets', () => {
  const browser = useBrowser();

  it('builds a Week schedule in the schedule explorer with the keyboard alone', async () => {
    const { page, consoleErrors, foreignRequests, context } = await openPage(browser(), CHAPTER);
    // The explorer loads when its placeholder nears the viewport.
    await page.locator('[data-widget="schedule explorer"]').scrollIntoViewIfNeeded();
    const explorer = page.getByRole('group', { name: 'Schedule explorer' });
    await explorer.getByLabel('frequency', { exact: true }).waitFor();

    // Start from the reference-time box and move with Tab, as a keyboard user would.
    await explorer.getByLabel(/^now/).focus();
    const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('frequency');
    await page.keyboard.press('ArrowDown'); // Day → Week
    await page.keyboard.press('Tab'); // interval stays 1
    await page.keyboard.press('Tab'); // start_time stays 2026-11-24T00:00:00 (a Tuesday)
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('time_zone');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // UTC → Europe/London → Europe/Berlin → America/New_York
    await page.keyboard.press('Tab'); // hours
    await page.keyboard.press('Tab'); // minutes
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('time_of_day');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('09:30');
    await page.keyboard.press('Tab'); // week_days Monday
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab'); // Thursday
    await page.keyboard.press('Space');
    expect(await focusedLabel()).toMatch(/week_days\s*Thursday/);
    // The focus ring is visible on the control the keyboard reached.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');

    const expected = nextRunTimes(
      { frequency: 'Week', interval: 1, start_time: '2026-11-24T00:00:00', time_zone: 'America/New_York', week_days: ['Monday', 'Thursday'], time_of_day: '09:30' },
      { after: '2026-11-24T12:00:00Z', count: 10 },
    );
    // 09:30 in New York is 14:30 UTC in winter; Thursday 26 November is the first ticked day after now.
    expect(expected[0]).toBe('2026-11-26T14:30:00Z');
    const table = explorer.getByRole('table', { name: /Next 10 run times/ });
    await expect.poll(() => table.locator('tbody tr td:nth-child(3)').allInnerTexts()).toEqual(expected.map(formatUtc));
    const local = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(local[0]).toBe('Thu 26 Nov 2026, 09:30:00 (UTC-05:00)');
    expect(local.every((t) => /^(Mon|Thu) .* 09:30:00/.test(t))).toBe(true);

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('loads the batch vs real-time comparison only in the browser, with values on keyboard focus', async () => {
    // The server sends a placeholder only: no chart markup in the first load.
    const html = await (await fetch(baseUrl() + CHAPTER)).text();
    expect(html.includes('Loading the batch versus real-time comparison…')).toBe(true);
    expect(html.includes('Cost per day against rows per day')).toBe(false);

    const { page, consoleErrors, foreignRequests, context } = await openPage(browser(), CHAPTER, { reducedMotion: 'reduce' });
    await page.locator('[data-widget="batch versus real-time comparison"]').scrollIntoViewIfNeeded();
    const widget = page.getByRole('group', { name: /Batch vs real-time/ });
    await expect.poll(() => widget.getByRole('application').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => widget.getByRole('status', { name: 'Verdict' }).innerText()).toMatch(/At 1,000,000 rows a day, batch is cheaper/);
    expect(await widget.getByRole('table', { name: /Cost per day and time/ }).locator('tbody tr').count()).toBeGreaterThanOrEqual(10);

    const slider = widget.getByRole('slider', { name: /rows per day/ });
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => widget.getByRole('status', { name: 'Verdict' }).innerText()).toMatch(/At 30,000,000 rows a day/);

    // Keyboard users get exact values too: focus the chart and step along the points.
    await widget.getByRole('application', { name: 'Cost per day against rows per day' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => widget.locator('.bvr-tooltip').first().textContent()).toMatch(/^10,000,000 rows per dayBatch job: \$[\d.,]+Real-time endpoint: \$/);

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('restores both widgets from the link and writes changes back without navigating or scrolling', async () => {
    const query = '?schedule.frequency=Week&schedule.week_days=Monday&schedule.time_of_day=09:30&compare.node_count=abc&compare.runs_per_day=24';
    const { page, consoleErrors, context } = await openPage(browser(), CHAPTER + query, { reducedMotion: 'reduce' });
    await page.locator('[data-widget="schedule explorer"]').scrollIntoViewIfNeeded();
    const explorer = page.getByRole('group', { name: 'Schedule explorer' });
    await explorer.getByLabel('frequency', { exact: true }).waitFor();
    expect(await explorer.getByLabel('frequency', { exact: true }).inputValue()).toBe('Week');
    expect(await explorer.getByRole('checkbox', { name: 'week_days Monday' }).isChecked()).toBe(true);

    await page.evaluate(() => Object.assign(window, { __samePage: true }));
    const before = await page.evaluate(() => ({ y: window.scrollY, entries: history.length }));
    await explorer.getByLabel('interval', { exact: true }).fill('2');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('schedule.interval'))).toBe('2');
    const after = await page.evaluate(() => ({ y: window.scrollY, entries: history.length, same: (window as { __samePage?: boolean }).__samePage === true, search: location.search }));
    expect(after).toMatchObject({ y: before.y, entries: before.entries, same: true });
    expect(new URLSearchParams(after.search).get('compare.node_count')).toBe('abc');

    await page.locator('[data-widget="batch versus real-time comparison"]').scrollIntoViewIfNeeded();
    const compare = page.getByRole('group', { name: /Batch vs real-time/ });
    await expect.poll(() => compare.getByRole('note', { name: 'Link settings not used' }).innerText()).toMatch(/compare\.node_count=abc: allowed is a whole number from 1 to 50; using 2\./);
    expect(await compare.getByLabel(/batch runs per day/).inputValue()).toBe('24');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
