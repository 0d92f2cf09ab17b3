// The lab at its largest: a million credit-risk rows generated, scored and
// replayed in the worker, with the page usable throughout and the output
// file downloaded in full.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { baseUrl, describeBrowser, useBrowser } from './browser';
import { gantt } from './lab-helpers';

const MILLION_MS = 240_000;

declare global {
  interface Window {
    __progress: { phase: string; value: number | null }[];
  }
}

/** Every value the progress bar shows, in order (recorded in the page, as they happen). */
function recordProgress(): void {
  window.__progress = [];
  new MutationObserver(() => {
    const bar = document.querySelector('.lab-progress[role="progressbar"]');
    if (!bar) return;
    const now = bar.getAttribute('aria-valuenow');
    window.__progress.push({ phase: bar.getAttribute('data-phase') ?? '', value: now === null ? null : Number(now) });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow', 'data-phase'] });
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) if (line !== '') lines++;
  return lines;
}

describeBrowser('the lab at 1,000,000 rows', () => {
  const browser = useBrowser();

  it('generates with a moving bar, takes a newer setting mid-run, completes, and downloads every line', { timeout: MILLION_MS * 2 }, async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript(recordProgress);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${baseUrl()}/lab?rows=1000000&error_threshold=-1`);
    // The first run is under way: the data phase reports how far it is.
    await page.waitForFunction(() => window.__progress.some((p) => p.phase === 'data' && p.value !== null && p.value > 0 && p.value < 100), null, { timeout: MILLION_MS });
    // The page still answers while the worker works: a newer node_count replaces the run in flight.
    const slider = page.getByRole('slider', { name: 'node_count' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await slider.inputValue()).toBe('4');
    await page.waitForFunction(() => document.querySelector('[data-testid="lab-gantt"]')?.getAttribute('data-lanes') === '16', null, { timeout: MILLION_MS });
    await page.waitForSelector('[data-lab-working="false"]', { timeout: MILLION_MS });
    expect(await page.getByTestId('parallel-run-lab').getByTestId('lab-status').innerText()).toBe('Completed');
    const counts = page.getByTestId('lab-counts');
    const total = await counts.locator('.lab-count', { hasText: /^Items/ }).first().locator('dd').innerText();
    expect(total.replace(/,/g, '')).toMatch(/^1000000\b/);
    const lines = Number((await page.getByTestId('lab-output-lines').innerText()).replace(/,/g, ''));
    expect(lines).toBeGreaterThan(990_000);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: MILLION_MS }), page.getByRole('button', { name: 'Download parallel_run_step.txt' }).click()]);
    expect(await countLines((await download.path()) as string)).toBe(lines);
    expect(await gantt(page).getAttribute('data-lanes')).toBe('16');
    expect(errors).toEqual([]);
    await context.close();
  });
});
