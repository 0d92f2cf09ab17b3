import { expect, it } from 'vitest';
import { describeBrowser, openPage, useBrowser } from './browser';

const CHAPTER = '/chapters/095-azure-ml-pipelines-batch-inference';
const MAIN_SECTIONS = [
  'the-assembly-line',
  'batch-inference-vs-real-time-inference',
  'parallelrunstep-and-parallelrunconfig',
  'scheduling-and-triggers',
  'code-walk-through-sdk-v1-and-v2-yaml',
  'azure-ml-in-2026-sdk-v2-and-batch-endpoints',
  'setting-by-setting-v1-to-v2',
  'how-the-exam-tests-this',
  'batch-vs-real-time-at-a-glance',
  'faq',
  'glossary',
];

describeBrowser('reading the course', () => {
  const browser = useBrowser();

  it('lists the chapters on the home page and opens chapter 95', async () => {
    const { page, consoleErrors, foreignRequests, context } = await openPage(browser(), '/');
    const cards = page.locator('.course-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => cards.first().innerText()).toMatch(/Chapter 95[\s\S]*Azure ML Pipelines for Batch Inference[\s\S]*Objective 2\.4[\s\S]*min read/i);
    const status = /AI-900 retired on 30 June 2026 and AI-901 replaces it[\s\S]*report[\s\S]*Last verified \d{1,2} \w+ 20\d\d/;
    expect(await page.getByRole('complementary', { name: 'Exam status' }).innerText()).toMatch(status);
    await page.getByRole('link', { name: 'Azure ML Pipelines for Batch Inference' }).click();
    await page.waitForURL(`**${CHAPTER}`);
    expect(await page.locator('h1').innerText()).toBe('Azure ML Pipelines for Batch Inference');
    expect(await page.locator('.chapter-header').getByRole('complementary', { name: 'Exam status' }).innerText()).toMatch(status);
    expect(await page.locator('.chapter-header .chapter-meta').innerText()).toMatch(/Verified \d{4}-\d{2}-\d{2}/);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('renders the main sections, follows a TOC link and marks it current', async () => {
    // Reduced motion makes the jump instant: a smooth scroll passes lazy widgets, which mount and grow the page mid-scroll.
    const { page, consoleErrors, foreignRequests, context } = await openPage(browser(), CHAPTER, { reducedMotion: 'reduce' });
    for (const id of MAIN_SECTIONS) expect(await page.locator(`h2#${id}, h3#${id}`).count(), id).toBe(1);
    expect(await page.locator('.callout-factcheck').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('pre.shiki').count()).toBeGreaterThanOrEqual(2);
    await page.locator('.toc').getByRole('link', { name: 'Scheduling and triggers' }).click();
    await page.waitForURL(/#scheduling-and-triggers$/);
    // Smooth scrolling takes a moment; wait until the heading sits near the top.
    await expect.poll(() => page.locator('#scheduling-and-triggers').evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeGreaterThanOrEqual(0);
    await expect.poll(() => page.locator('#scheduling-and-triggers').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(300);
    await expect.poll(() => page.locator('.toc a[aria-current="location"]').innerText()).toBe('Scheduling and triggers');
    const progress = Number(await page.getByRole('progressbar', { name: 'Reading progress' }).getAttribute('aria-valuenow'));
    expect(progress).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('opens a collapsible FAQ answer with the keyboard', async () => {
    const { page, context } = await openPage(browser(), CHAPTER);
    const first = page.locator('.faq-item').first();
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await first.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await first.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await context.close();
  });

  it('toggles the theme and keeps the choice across a reload without a flash', async () => {
    const { page, context } = await openPage(browser(), CHAPTER);
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(after).not.toBe(before);
    await page.reload({ waitUntil: 'domcontentloaded' });
    // theme-init.js runs before first paint, so the override is there as soon as the DOM is.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(after);
    await context.close();
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const { page, context } = await openPage(browser(), CHAPTER, { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('answers an unknown chapter with a 404 page', async () => {
    const { page, context } = await openPage(browser(), '/chapters/999-nope');
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    await context.close();
  });
});
