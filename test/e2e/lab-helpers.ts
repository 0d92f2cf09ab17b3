// What the lab's browser tests share: its two key elements and a wait for a new result.
import type { Page } from 'playwright-core';

export const FIRST_RUN_MS = 90_000;
export const gantt = (page: Page) => page.getByTestId('lab-gantt');
export const status = (page: Page) => page.getByTestId('parallel-run-lab').getByTestId('lab-status');

/** Waits until the timeline draws a result newer than `previous`. */
export async function nextResult(page: Page, previous: string | null = null): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      const id = document.querySelector('[data-testid="lab-gantt"]')?.getAttribute('data-view-id') ?? null;
      return id !== null && id !== prev;
    },
    previous,
    { timeout: FIRST_RUN_MS },
  );
  return (await gantt(page).getAttribute('data-view-id')) as string;
}
