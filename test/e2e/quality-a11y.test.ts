// Accessibility on every route, in real Chromium against the production build:
// axe-core finds no serious or critical violation, charts carry a text
// alternative, and nothing scrolls sideways at 200% zoom or on a 360 px phone.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, useBrowser } from './browser';
import { axePath, horizontalOverflow, openRoute, overflowingElements, ROUTES, settle, unlockedProgress, type KnownProblem } from './quality-helpers';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
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

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
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

describeBrowser('quality: accessibility on every route', () => {
  const browser = useBrowser();
  let progress: string;
  beforeAll(async () => {
    progress = await unlockedProgress(browser());
  });

  for (const route of ROUTES) {
    it(`${route.name}: no serious or critical axe violation, charts described`, async () => {
      // axe is injected as an inline script, which the page's CSP rightly refuses; only these runs bypass it.
      const { page, context } = await openRoute(browser(), route, progress, { bypassCSP: true });
      await settle(page);
      const violations = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const problems: string[] = [];
      for (const v of violations) for (const node of await unexplained(page, v)) problems.push(`${v.id} (${v.impact}) ${v.help}: ${node}`);
      expect(problems).toEqual([]);

      // Every drawn chart sits in a figure with a caption and a data table or description.
      const charts = await page.locator('.recharts-wrapper').evaluateAll((els) =>
        els.map((el) => {
          const figure = el.closest('figure');
          const caption = figure?.querySelector('figcaption')?.textContent?.trim() ?? '';
          const described = figure?.getAttribute('aria-describedby')?.split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? '').trim().length > 0) ?? false;
          return { caption, hasAlternative: !!figure?.querySelector('table') || described };
        }),
      );
      for (const chart of charts) expect(chart.caption.length > 0 && chart.hasAlternative, JSON.stringify(chart)).toBe(true);
      await context.close();
    });
  }

  for (const route of ROUTES) {
    it(`${route.name}: no sideways scrolling at 200% zoom or 360 px`, async () => {
      const problems: string[] = [];
      // 200% zoom of a 1280×900 window: half the CSS pixels, twice the device pixels.
      for (const options of [{ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }, { viewport: { width: 360, height: 740 } }]) {
        const { page, context } = await openRoute(browser(), route, progress, options);
        await settle(page);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) {
          const culprits = await overflowingElements(page, KNOWN_OVERFLOW);
          for (const c of culprits.filter((c) => c.known)) console.warn(`[known, ${options.viewport.width} px] ${route.path}: ${c.element} (${c.known})`);
          const unexplained = culprits.filter((c) => !c.known);
          if (unexplained.length > 0 || culprits.length === 0) problems.push(`${options.viewport.width} px: ${overflow} px sideways; ${unexplained.map((c) => `${c.element} ends at ${c.right}`).join('; ') || 'no element found'}`);
        }
        await context.close();
      }
      expect(problems).toEqual([]);
    });
  }
});
