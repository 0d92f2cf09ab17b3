// Shared harness for browser tests: one Chromium per file, and a page that
// records console errors and any request that leaves the app's own origin.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  foreignRequests: string[];
}

export const baseUrl = (): string => inject('baseUrl');

/** describe() that runs only when Chromium is available (in CI its absence already failed the setup). */
export const describeBrowser = inject('chromiumPath') ? describe : describe.skip;

export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ ...(inject('chromiumPath') && { executablePath: inject('chromiumPath') as string }), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
}

export async function openPage(browser: Browser, path: string, options: { reducedMotion?: 'reduce' | 'no-preference'; viewport?: { width: number; height: number } } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ ...(options.reducedMotion && { reducedMotion: options.reducedMotion }), viewport: options.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const watched: WatchedPage = { page, context, consoleErrors: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watched.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watched.consoleErrors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.foreignRequests.push(url);
  });
  await page.goto(baseUrl() + path, { waitUntil: 'networkidle' });
  return watched;
}
