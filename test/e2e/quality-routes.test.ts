// Every route, visited once in real Chromium against the production build,
// with the page's own CSP in force: the page renders with no CSP violation,
// console error or request to another origin; axe-core finds no serious or
// critical violation; charts carry a text alternative; and nothing scrolls
// sideways at 200% zoom or on a 360 px phone. One visit per route keeps the
// browser suite inside CI's time budget (the security test file holds the
// HTTP header checks and the injection probes).
import { beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describeBrowser, useBrowser } from './browser';
import { axePath, horizontalOverflow, openRoute, overflowingElements, ROUTES, settle, unlockedProgress, watch, type KnownProblem, type QualityRoute, type Watched } from './quality-helpers';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

/**
 * Problems in other owners' components, reported to them (issue 7 findings)
 * and excluded here, each limited to the elements it may match, so this gate
 * can land; anything else still fails. Remove an entry once it is fixed.
 */
// None at present (code highlighting now uses Shiki's high-contrast GitHub themes, every token at 5:1 or more).
const KNOWN_AXE: readonly (KnownProblem & { rule: string })[] = [];

// None at present (the lab's hidden data tables and the batch vs real-time table were fixed by their owners).
const KNOWN_OVERFLOW: readonly KnownProblem[] = [];

const axeSource = readFileSync(axePath, 'utf8');

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, which the page's CSP does not govern
  // (a <script> tag would rightly be refused), so the page keeps its real policy.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target: target.map(String), failureSummary })) }));
  });
}

/** Nodes of a violation that no KNOWN_AXE entry covers, as "selector: why it fails". */
async function unexplained(page: Page, violation: AxeViolation): Promise<string[]> {
  const withins = KNOWN_AXE.filter((k) => k.rule === violation.id).map((k) => k.within);
  const selectors = violation.nodes.map((n) => n.target.at(-1) as string);
  const covered = await page.evaluate(({ selectors, withins }) => selectors.map((s) => withins.some((w) => !!document.querySelector(s)?.closest(w))), { selectors, withins });
  const known = covered.filter(Boolean).length;
  if (known > 0) console.warn(`[known] ${page.url()}: ${violation.id} on ${known} element(s) (${KNOWN_AXE.find((k) => k.rule === violation.id)?.why})`);
  return violation.nodes.filter((_, i) => !covered[i]).map((n) => `${n.target.at(-1)}: ${n.failureSummary ?? ''}`);
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const problems: string[] = [];
  for (const v of violations) for (const node of await unexplained(page, v)) problems.push(`${v.id} (${v.impact}) ${v.help}: ${node}`);
  expect(problems).toEqual([]);
}

/** Every drawn chart sits in a figure with a caption and a data table or description. */
async function expectChartsDescribed(page: Page): Promise<void> {
  const charts = await page.locator('.recharts-wrapper').evaluateAll((els) =>
    els.map((el) => {
      const figure = el.closest('figure');
      const caption = figure?.querySelector('figcaption')?.textContent?.trim() ?? '';
      const described = figure?.getAttribute('aria-describedby')?.split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? '').trim().length > 0) ?? false;
      return { caption, hasAlternative: !!figure?.querySelector('table') || described };
    }),
  );
  for (const chart of charts) expect(chart.caption.length > 0 && chart.hasAlternative, JSON.stringify(chart)).toBe(true);
}

/**
 * Sideways scrolling at 200% zoom of a 1280×900 window (640 CSS px wide) and
 * on a 360 px phone. The page is resized in place: widgets mounted at full
 * width must reflow too, as they do when a learner zooms in.
 */
async function sidewaysProblems(page: Page, route: QualityRoute): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of [{ width: 640, height: 450 }, { width: 360, height: 740 }]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(200); // charts redraw after their ResizeObserver fires
    const overflow = await horizontalOverflow(page);
    if (overflow <= 0) continue;
    const culprits = await overflowingElements(page, KNOWN_OVERFLOW);
    for (const c of culprits.filter((c) => c.known)) console.warn(`[known, ${viewport.width} px] ${route.path}: ${c.element} (${c.known})`);
    const unexplained = culprits.filter((c) => !c.known);
    if (unexplained.length > 0 || culprits.length === 0) problems.push(`${viewport.width} px: ${overflow} px sideways; ${unexplained.map((c) => `${c.element} ends at ${c.right}`).join('; ') || 'no element found'}`);
  }
  return problems;
}

const MISSING: QualityRoute = { name: 'a missing chapter (404)', path: '/chapters/000-no-such-chapter' };

describeBrowser('quality: every route in one visit (CSP, axe, charts, zoom)', () => {
  const browser = useBrowser();
  let progress: string;
  beforeAll(async () => {
    progress = await unlockedProgress(browser());
  });

  for (const route of [...ROUTES, MISSING]) {
    it(`${route.name}: no CSP violation, error or foreign request; no serious axe violation; charts described; no sideways scrolling`, async () => {
      let watched: Watched | undefined;
      const { page, context } = await openRoute(browser(), route, progress, {}, async (c) => (watched = await watch(c)));
      await settle(page);
      const w = watched as Watched;
      expect(w.foreignRequests).toEqual([]);
      // Not even zod's new Function probe: the browser's schemas are built jitless (app/_progress/schema.ts).
      expect(w.violations).toEqual([]);
      expect(w.consoleErrors.filter((e) => !(route === MISSING && /status of 404/.test(e)))).toEqual([]);
      await expectAccessible(page);
      await expectChartsDescribed(page);
      expect(await sidewaysProblems(page, route)).toEqual([]);
      await context.close();
    });
  }
});
