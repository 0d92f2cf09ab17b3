// Security headers and the Content-Security-Policy, checked over HTTP and in
// Chromium: every route sends them, the policy allows exactly the page's own
// inline scripts, eval and injected scripts are refused, the lab's worker and
// onnxruntime wasm still run. Each route rendering under the CSP with no
// violation or foreign request is checked in quality-routes.test.ts, in the same
// visit as axe.
import { expect, it } from 'vitest';
import { baseUrl, describeBrowser, useBrowser } from './browser';
import { openRoute, ROUTES, watch, type Watched } from './quality-helpers';
import { CH95 } from './practice-helpers';
import { inlineScriptHashes } from '../../scripts/csp/inline-scripts';

const REQUIRED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function expectFixedHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  const permissions = headers.get('permissions-policy') ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(permissions, what).toContain(feature);
}

const uniquePaths = [...new Set(ROUTES.map((r) => r.path))];

describeBrowser('quality: security headers over HTTP', () => {
  it('sends the fixed headers and a strict page CSP that allows exactly each page’s inline scripts', async () => {
    for (const path of [...uniquePaths, '/chapters/000-no-such-chapter']) {
      const response = await fetch(baseUrl() + path);
      const html = await response.text();
      expectFixedHeaders(response.headers, path);
      const csp = parseCsp(response.headers.get('content-security-policy'));
      for (const [name, values] of Object.entries(REQUIRED_CSP)) expect(csp.get(name), `${path} ${name}`).toEqual(expect.arrayContaining(values));
      const scriptSrc = csp.get('script-src') ?? [];
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc.some((v) => v.includes('*') || /^https?:/.test(v)), `${path}: no host wildcards`).toBe(false);
      // Each inline script the page ships is allowed by its hash, and the policy allows nothing else inline.
      const shipped = inlineScriptHashes(html).map((h) => `'${h}'`);
      expect(shipped.length, path).toBeGreaterThan(0);
      expect(new Set(scriptSrc.filter((v) => v.startsWith("'sha256-")))).toEqual(new Set(shipped));
    }
  });

  it('sends the headers with files, the API and the service worker too', async () => {
    const home = await (await fetch(baseUrl() + '/')).text();
    const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(home)?.[1];
    expect(chunk).toBeDefined();
    for (const path of [chunk as string, '/sw.js', '/models/credit-risk.onnx', '/api/pipelines']) {
      const response = await fetch(baseUrl() + path);
      await response.arrayBuffer();
      expectFixedHeaders(response.headers, path);
      const csp = parseCsp(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('script-src') ?? [], path).not.toContain("'unsafe-eval'");
    }
  });
});

// Runs in the page as a same-origin script file (allowed by 'self'), so what it may do is decided by the page's CSP.
const PROBE = `
window.__probe = { timerRan: false };
try { eval('window.__probe.evalRan = true'); } catch (e) { window.__probe.evalError = e.name; }
try { new Function('window.__probe.functionRan = true')(); } catch (e) { window.__probe.functionError = e.name; }
try { setTimeout('window.__probe.timerRan = true', 0); } catch (e) { window.__probe.timerError = e.name; }
WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => { window.__probe.wasm = 'compiled'; }, (e) => { window.__probe.wasm = e.name; });
`;

interface Probe {
  inlineRan?: boolean | undefined;
  evalRan?: boolean;
  evalError?: string;
  functionRan?: boolean;
  functionError?: string;
  timerRan: boolean;
  wasm?: string;
}

describeBrowser('quality: the CSP in Chromium', () => {
  const browser = useBrowser();

  it('runs the lab: its module worker and the onnxruntime wasm work under the CSP', async () => {
    let watched: Watched | undefined;
    const { page, context } = await openRoute(browser(), { name: 'lab', path: '/lab' }, undefined, {}, async (c) => (watched = await watch(c)));
    await expect.poll(() => page.getByTestId('lab-status').first().innerText(), { timeout: 90_000 }).toMatch(/^Completed/);
    const w = watched as Watched;
    expect(w.requests.some((url) => /\/_next\/static\/.*\.wasm$/.test(url))).toBe(true);
    expect(w.requests.some((url) => url.includes('/models/credit-risk.onnx'))).toBe(true);
    expect(w.violations).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await context.close();
  });

  /** Chapter 95 with an injected inline script and a same-origin script that tries eval, as an XSS would. */
  async function injectedChapter(bypassCSP: boolean): Promise<{ probe: Probe; watched: Watched; csp: string | undefined }> {
    // No service worker: it would answer before the routes below could.
    const context = await browser().newContext({ bypassCSP, serviceWorkers: 'block' });
    const watched = await watch(context);
    const origin = new URL(baseUrl()).origin;
    let csp: string | undefined;
    await context.route(`${origin}/chapters/${CH95}`, async (route) => {
      const response = await route.fetch();
      csp = response.headers()['content-security-policy'];
      const body = (await response.text()).replace('</body>', '<script>window.__inlineRan = true</script><script src="/__csp-probe.js"></script></body>');
      await route.fulfill({ response, body });
    });
    await context.route(`${origin}/__csp-probe.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: PROBE }));
    const page = await context.newPage();
    await page.goto(`${origin}/chapters/${CH95}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __probe?: Probe }).__probe?.wasm)).toBeDefined();
    await page.waitForTimeout(100); // lets the string timer fire if it was allowed
    const probe = await page.evaluate(() => ({ ...(window as unknown as { __probe: Probe }).__probe, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan }));
    await context.close();
    return { probe, watched, csp };
  }

  it('refuses an injected inline script, eval, new Function and string timers, but lets wasm compile', async () => {
    const { probe, watched, csp } = await injectedChapter(false);
    const scriptSrc = parseCsp(csp ?? null).get('script-src');
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(probe.inlineRan).toBeUndefined();
    expect(probe).toMatchObject({ evalError: 'EvalError', functionError: 'EvalError', timerRan: false, wasm: 'compiled' });
    expect(probe.evalRan).toBeUndefined();
    expect(probe.functionRan).toBeUndefined();
    expect(watched.violations.some((v) => v.blocked === 'inline' && v.directive.startsWith('script-src'))).toBe(true);
    expect(watched.violations.filter((v) => v.blocked === 'eval' && v.source.includes('__csp-probe.js')).length).toBeGreaterThanOrEqual(2);
  });

  it('control: without the CSP the same injected scripts do run (so the refusals above come from the policy)', async () => {
    const { probe } = await injectedChapter(true);
    expect(probe).toMatchObject({ inlineRan: true, evalRan: true, functionRan: true, timerRan: true, wasm: 'compiled' });
  });
});
