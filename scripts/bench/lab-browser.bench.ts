// The lab in real Chromium against the production build:
//  - lab_slider_to_chart_p95: from a node_count slider change to the redrawn
//    timeline, measured in the page (input event → the chart's render marker);
//    lab_slider_to_chart_p95_1m_rows, the same with the lab opened at
//    1,000,000 rows (fewer samples: each run is much longer);
//  - lab_longest_main_thread_task: longest task (from a trace) while a what-if
//    run is computed and drawn, its sweeps arrive and its replay plays, with
//    the page scrolled to the slider as a learner moving it sees it; and
//    lab_longest_main_thread_task_charts_in_view, the same with every chart
//    on screen (recharts loads, and redraws with each result and sweep);
//  - chapter_first_load_js_gzip: gzip size of the JS chapter 95 loads before
//    any scrolling, onnxruntime and worker chunks excluded.
// Set LAB_BENCH_URL to use a server that is already running, and
// LAB_BENCH_TRACES to a folder to keep the traces (open them in DevTools'
// Performance panel to see what a long task was made of), with
// LAB_BENCH_SAMPLE=1 to sample JavaScript in them too (slower: the figures
// then read high).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../test/e2e/chromium';
import { startProductionServer } from './production-server';

const CHAPTER = '/chapters/095-azure-ml-pipelines-batch-inference';
const SAMPLES = 20;
const WARM_UP = 2;
const ROWS_1M = 1_000_000;
const SAMPLES_1M = 8;
const WARM_UP_1M = 1;
const EXCLUDED_JS = /onnxruntime|ort-wasm|ort\.|\.worker|worker/i;

declare global {
  interface Window {
    __labInputs: number[];
    __labLongest: number;
  }
}

async function firstLoadJsKb(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bodies: Promise<{ url: string; size: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || EXCLUDED_JS.test(response.url())) return;
    bodies.push(response.body().then((body) => ({ url: response.url(), size: gzipSync(body).length })));
  });
  await page.goto(url + CHAPTER, { waitUntil: 'networkidle' });
  const files = await Promise.all(bodies);
  await context.close();
  return files.reduce((sum, f) => sum + f.size, 0) / 1024;
}

const gantt = '[data-testid="lab-gantt"]';

async function drawnViewId(page: Page): Promise<string | null> {
  return page.locator(gantt).getAttribute('data-view-id');
}

async function waitForNewChart(page: Page, previous: string | null): Promise<void> {
  await page.waitForFunction(
    ([selector, prev]) => {
      const id = document.querySelector(selector as string)?.getAttribute('data-view-id') ?? null;
      return id !== null && id !== prev;
    },
    [gantt, previous] as const,
    { timeout: 60_000 },
  );
}

async function openLab(browser: Browser, url: string, query = ''): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${url}/lab${query}`, { waitUntil: 'networkidle' });
  await waitForNewChart(page, null);
  return page;
}

interface Sample {
  total: number;
  /** Input to request sent (debounce), request to result received (worker), result to drawn (main thread). */
  parts: [number, number, number];
  /** The worker's own phases: data, simulate, view. */
  worker: Record<string, number>;
}

async function sliderToChart(page: Page, count = SAMPLES, warmUp = WARM_UP): Promise<Sample[]> {
  await page.evaluate(() => {
    window.__labInputs = [];
    document.addEventListener('input', () => window.__labInputs.push(performance.now()), true);
  });
  const slider = page.getByRole('slider', { name: /node_count/ });
  await slider.focus();
  // Focusing scrolls the slider to the middle of the screen, which brings the
  // recharts charts near and makes them load: a one-time cost, not a slider's.
  await settle(page);
  const samples: Sample[] = [];
  let value = 2;
  let direction = 1;
  for (let i = 0; i < count + warmUp; i++) {
    if (value + direction > 6 || value + direction < 1) direction = -direction;
    value += direction;
    const previous = await drawnViewId(page);
    await page.keyboard.press(direction > 0 ? 'ArrowRight' : 'ArrowLeft');
    await waitForNewChart(page, previous);
    const sample = await page.evaluate((selector): Sample => {
      const drawn = Number(document.querySelector<HTMLElement>(selector)?.dataset.renderedAt);
      const input = window.__labInputs.at(-1) ?? drawn;
      // No helper functions in here: tsx would wrap them in a helper the page does not have.
      const sent = performance.getEntriesByName('lab:lab:request').at(-1)?.startTime ?? NaN;
      const result = performance.getEntriesByName('lab:lab:result').at(-1) as PerformanceMark | undefined;
      const received = result?.startTime ?? NaN;
      return { total: drawn - input, parts: [sent - input, received - sent, drawn - received], worker: (result?.detail as Record<string, number>) ?? {} };
    }, gantt);
    if (i >= warmUp) samples.push(sample);
    // Past the debounce window: each change is a fresh what-if, as when a learner clicks.
    await page.waitForTimeout(300);
  }
  return samples;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** Longest task on the page's main thread, from a Chromium trace (exact, also below the 50 ms long-task cut-off). */
function longestMainThreadTask(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of events) {
    if (e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) longest = Math.max(longest, (e.dur ?? 0) / 1000);
  }
  return longest;
}

/** Until the main thread has been idle for about half a second (ten idle periods in a row with time to spare). */
async function settle(page: Page): Promise<void> {
  // As a string: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`new Promise((resolve) => {
    let quiet = 0;
    const tick = (deadline) => {
      quiet = deadline.timeRemaining() > 40 ? quiet + 1 : 0;
      if (quiet >= 10) resolve();
      else requestIdleCallback(tick);
    };
    requestIdleCallback(tick);
  })`);
}

/** Until the worker has finished everything for the latest change (result, quality, sweeps). */
async function workerDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-lab-working]')?.getAttribute('data-lab-working') === 'false', undefined, { timeout: 60_000 });
}

/** `keepScroll`: operate the controls without scrolling to them, so the charts on screen stay there. */
async function longestTaskDuringRun(browser: Browser, page: Page, keepScroll = false): Promise<{ traced: number; observed: number }> {
  await page.evaluate(() => {
    window.__labLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__labLongest = Math.max(window.__labLongest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  // Role queries compute accessible names over the whole page in the page's own thread: a long task
  // of the test tool's, not the lab's. Find the controls first, then use plain selectors while tracing.
  await page.getByRole('slider', { name: /node_count/ }).evaluate((el) => el.setAttribute('data-bench', 'slider'));
  await page.getByRole('combobox', { name: 'Speed' }).evaluate((el) => el.setAttribute('data-bench', 'speed'));
  const slider = page.locator('[data-bench="slider"]');
  const speed = page.locator('[data-bench="speed"]');
  const firstButton = page.locator('.lab-runbar-buttons button').first();
  const sampled = process.env.LAB_BENCH_SAMPLE === '1' ? ['disabled-by-default-v8.cpu_profiler', 'blink.user_timing'] : [];
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline', ...sampled] });
  // A what-if run: computed in the worker, drawn here, then its sweeps arrive.
  const previous = await drawnViewId(page);
  if (keepScroll) await slider.evaluate((el: HTMLElement) => el.focus({ preventScroll: true }));
  else await slider.focus();
  await page.keyboard.press('ArrowRight');
  await waitForNewChart(page, previous);
  await workerDone(page);
  // Then its replay over virtual time, at the fastest speed (kept from the first call).
  if (!keepScroll) await speed.selectOption({ index: 3 });
  if (keepScroll) await firstButton.evaluate((el: HTMLElement) => el.click());
  else await firstButton.click();
  // Run turns into Pause while the replay plays, and back at its end.
  await page.waitForFunction(() => document.querySelector('.lab-runbar-buttons button')?.textContent === 'Run', undefined, { timeout: 60_000, polling: 200 });
  await page.waitForTimeout(500);
  const trace = await browser.stopTracing();
  const keep = process.env.LAB_BENCH_TRACES;
  if (keep) writeFileSync(join(keep, `lab-run${keepScroll ? '-charts-in-view' : ''}.json`), trace);
  return { traced: longestMainThreadTask(trace), observed: await page.evaluate(() => window.__labLongest) };
}

const p95 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The p95 as a BENCH line, and what it was made of on stderr. */
function report(name: string, label: string, samples: Sample[]): void {
  const part = (k: number) => median(samples.map((s) => s.parts[k] ?? NaN)).toFixed(1);
  const inWorker = (k: string) => median(samples.map((s) => s.worker[k] ?? NaN)).toFixed(1);
  console.error(`${label} breakdown (medians): debounce ${part(0)} ms, worker round trip ${part(1)} ms (simulate ${inWorker('simulate')}, view ${inWorker('view')}), drawing ${part(2)} ms`);
  console.error(`${label} samples: ${samples.map((s) => s.total.toFixed(0)).join(' ')}`);
  console.log(`BENCH ${name} ${p95(samples.map((s) => s.total)).toFixed(1)} ms`);
}

async function main(): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error('lab-browser bench skipped: Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
    return;
  }
  const server = await startProductionServer('LAB_BENCH_URL');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await openLab(browser, server.url);
    report('lab_slider_to_chart_p95', 'lab slider', await sliderToChart(page));
    await workerDone(page);
    const longest = await longestTaskDuringRun(browser, page);
    console.error(`lab long tasks seen by PerformanceObserver: longest ${longest.observed.toFixed(0)} ms (0: none over 50 ms)`);
    console.log(`BENCH lab_longest_main_thread_task ${longest.traced.toFixed(1)} ms`);
    // Every chart on screen: the recharts ones load, then redraw with the run and its sweeps.
    await page.getByTestId('lab-charts-slot').scrollIntoViewIfNeeded();
    await page.locator('.lab-chart-pair').first().waitFor({ timeout: 60_000 });
    await workerDone(page);
    const inView = await longestTaskDuringRun(browser, page, true);
    console.log(`BENCH lab_longest_main_thread_task_charts_in_view ${inView.traced.toFixed(1)} ms`);
    const kb = await firstLoadJsKb(browser, server.url);
    console.log(`BENCH chapter_first_load_js_gzip ${kb.toFixed(1)} KB`);
    await page.context().close();
    // The lab's rows key: the whole run, its charts and the message grow with it.
    const big = await openLab(browser, server.url, `?rows=${ROWS_1M}`);
    // The control shows the size the lab really ran (a link's value is clamped to DATASET_LIMITS).
    const rows = await big.getByRole('slider', { name: /dataset size/ }).inputValue();
    if (Number(rows) !== ROWS_1M) throw new Error(`the lab opened with ${rows} rows, not ${ROWS_1M} (see DATASET_LIMITS)`);
    report('lab_slider_to_chart_p95_1m_rows', 'lab slider at 1M rows', await sliderToChart(big, SAMPLES_1M, WARM_UP_1M));
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
