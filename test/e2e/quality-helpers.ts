// Shared by the quality browser tests (accessibility, security, offline,
// keyboard): the list of routes, a page that is fully drawn (lazy widgets
// mounted, the lab's first run finished) and unlocked progress for chapter 96.
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { baseUrl } from './browser';
import { resolveLabLink } from '@/app/_features/lab/model/link';
import { encodeLabState } from '@/app/_features/lab/model/url';
import { labLinkHref } from '@/app/_features/lab/model/watch';
import { CH95, CH96, readQuiz, takeExam } from './practice-helpers';

export interface QualityRoute {
  name: string;
  path: string;
  /** Visit with chapter 96 unlocked (a passed chapter 95 quiz in saved progress). */
  unlocked?: boolean;
}

/** The lab as a question's "See it in the lab" opens it: a log link, so the marked line is checked too. */
function labFromQuestion(): string {
  const link = readQuiz(CH95).questions.find((q) => q.lab?.show === 'log')?.lab;
  if (!link) throw new Error(`no question of ${CH95} has a lab link to a log`);
  return labLinkHref({ ...link, state: encodeLabState(resolveLabLink(link.state).resolved) }, `/chapters/${CH95}/quiz`);
}

export const ROUTES: readonly QualityRoute[] = [
  { name: 'home', path: '/' },
  { name: 'chapter 95', path: `/chapters/${CH95}` },
  { name: 'chapter 96, locked', path: `/chapters/${CH96}` },
  { name: 'chapter 96, unlocked', path: `/chapters/${CH96}`, unlocked: true },
  { name: 'chapter 95 quiz', path: `/chapters/${CH95}/quiz` },
  { name: 'chapter 96 quiz, locked', path: `/chapters/${CH96}/quiz` },
  { name: 'chapter 96 quiz, unlocked', path: `/chapters/${CH96}/quiz`, unlocked: true },
  { name: 'chapter 95 cards', path: `/chapters/${CH95}/cards` },
  { name: 'chapter 96 cards, unlocked', path: `/chapters/${CH96}/cards`, unlocked: true },
  { name: 'drills', path: '/drills' },
  { name: 'lab', path: '/lab' },
  { name: 'lab opened from a question', path: labFromQuestion() },
  { name: 'progress', path: '/progress' },
];

export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** localStorage after passing the chapter 95 quiz through the UI, as a learner would. */
export async function unlockedProgress(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/chapters/${CH95}/quiz`, { waitUntil: 'networkidle' });
  const quiz = readQuiz(CH95);
  await takeExam(page, quiz, quiz.questions.length);
  await page.locator('.unlock-message').waitFor();
  const saved = await page.evaluate(() => localStorage.getItem('bil-progress'));
  await context.close();
  if (!saved?.includes(CH96)) throw new Error('passing the chapter 95 quiz did not unlock chapter 96');
  return saved;
}

/** Context options that start with the given saved progress. */
export function withProgress(progress: string | undefined, options: BrowserContextOptions = {}): BrowserContextOptions {
  if (!progress) return options;
  return { ...options, storageState: { cookies: [], origins: [{ origin: new URL(baseUrl()).origin, localStorage: [{ name: 'bil-progress', value: progress }] }] } };
}

const pendingWidgets = '.widget-skeleton, .lab-skeleton, [data-lab-mounted="false"], [data-mounted="false"], .lab-progress';

/**
 * Scrolls through the page so every lazy widget mounts, then waits until none
 * is still loading and the lab (if any) shows its first result.
 */
export async function settle(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = Math.max(200, Math.floor((page.viewportSize()?.height ?? 800) / 2));
  for (let y = 0; y <= height; y += step) {
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(40);
  }
  await expect.poll(() => page.locator(pendingWidgets).count(), { timeout: 60_000 }).toBe(0);
  const labs = page.locator('.lab-status');
  for (let i = 0; i < (await labs.count()); i++) {
    await expect.poll(() => labs.nth(i).getAttribute('class'), { timeout: 60_000 }).toMatch(/lab-status-(ok|failed)/);
  }
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
}

export async function openRoute(
  browser: Browser,
  route: QualityRoute,
  progress: string | undefined,
  options: BrowserContextOptions = {},
  before: (context: BrowserContext) => Promise<unknown> = async () => {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext(withProgress(route.unlocked ? progress : undefined, { viewport: { width: 1280, height: 900 }, ...options }));
  await before(context);
  const page = await context.newPage();
  await page.goto(baseUrl() + route.path, { waitUntil: 'networkidle' });
  return { page, context };
}

export interface Watched {
  /** Every request of the pages, their workers and the service worker. */
  requests: string[];
  foreignRequests: string[];
  consoleErrors: string[];
  /** securitypolicyviolation events, as "directive blocked what at file:line". */
  violations: { directive: string; blocked: string; source: string }[];
}

/** Records requests, console errors and CSP violations of every page opened in the context from now on. */
export async function watch(context: BrowserContext): Promise<Watched> {
  const watched: Watched = { requests: [], foreignRequests: [], consoleErrors: [], violations: [] };
  const origin = new URL(baseUrl()).origin;
  context.on('request', (request) => {
    const url = request.url();
    watched.requests.push(url);
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) watched.foreignRequests.push(url);
  });
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') watched.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => watched.consoleErrors.push(error.message));
  });
  await context.exposeBinding('__qualityViolation', (_source, directive: string, blocked: string, source: string) => {
    watched.violations.push({ directive, blocked, source });
  });
  // Init scripts are run by the browser itself, outside the page's CSP.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __qualityViolation: (d: string, b: string, s: string) => void }).__qualityViolation;
      void report(e.violatedDirective, e.blockedURI, `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  return watched;
}

/** Horizontal overflow of the document in CSS pixels (0 or less: no sideways scrolling). */
export const horizontalOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

export interface KnownProblem {
  /** Elements it may match (the element itself or an ancestor). */
  within: string;
  why: string;
}

export interface Overflowing {
  element: string;
  right: number;
  /** Why it is tolerated for now, or null when nobody has explained it. */
  known: string | null;
}

/**
 * The outermost elements that stick out past the right edge of the viewport
 * and are not inside a scrolling or clipping box: the ones that make the page
 * scroll sideways, each as "parent > tag.classes".
 */
export function overflowingElements(page: Page, known: readonly KnownProblem[] = []): Promise<Overflowing[]> {
  return page.evaluate((known) => {
    const limit = document.documentElement.clientWidth + 0.5;
    const describe = (el: Element) => el.tagName.toLowerCase() + [...el.classList].map((c) => `.${c}`).join('');
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const found: Overflowing[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const right = el.getBoundingClientRect().right;
      if (right <= limit || clipped(el)) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit) continue;
      const why = known.find((k) => el.closest(k.within))?.why ?? null;
      found.push({ element: parent ? `${describe(parent)} > ${describe(el)}` : describe(el), right: Math.round(right), known: why });
    }
    return found;
  }, known);
}
