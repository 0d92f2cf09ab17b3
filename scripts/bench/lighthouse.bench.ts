// Lighthouse 12.2.3 against the production build, in the system Chromium, for
// the home page, chapter 95 and the lab (desktop preset: this machine is the
// target). Prints the medians over LIGHTHOUSE_RUNS runs (default 3) of the four
// category scores, LCP, TBT and CLS, the gzip size of the JavaScript each page
// loads up front, then the goals. No assertions: figures for people, gates
// live in the tests.
// Set LIGHTHOUSE_URL to use a server that is already running.
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../test/e2e/chromium';
import { startProductionServer } from './production-server';

const PAGES: readonly { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'chapter95', path: '/chapters/095-azure-ml-pipelines-batch-inference' },
  { name: 'lab', path: '/lab' },
];

const GOALS = [
  'performance >= 95',
  'accessibility = 100',
  'best_practices >= 95',
  'lcp_ms <= 1500',
  'cls <= 0.02',
  'chapter95_first_load_js_gzip <= 200 KB',
];

/** Scripts the page itself requested (not its workers or the service worker), gzip-compressed as the server would send them. */
async function firstLoadJsKb(lhr: Result): Promise<number> {
  const details = lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string; sessionTargetType?: string }[] } | undefined;
  const scripts = (details?.items ?? []).filter((r) => r.resourceType === 'Script' && (r.sessionTargetType ?? 'page') === 'page');
  const sizes = await Promise.all([...new Set(scripts.map((s) => s.url))].map(async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length));
  return sizes.reduce((a, b) => a + b, 0) / 1024;
}

const score = (lhr: Result, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;

// Two shared cores make single runs noisy (TBT swings most): report the median of a few.
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const MAX_FAILED = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const chromePath = findChromium();
  if (!chromePath) {
    console.error('lighthouse bench skipped: Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
    return;
  }
  const server = await startProductionServer('LIGHTHOUSE_URL');
  // chrome-launcher adds --remote-debugging-port itself; the flags keep Chromium off the network.
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
  try {
    for (const { name, path } of PAGES) {
      const runs: Result[] = [];
      // A loaded machine now and then makes Lighthouse miss the navigation
      // (NO_NAVSTART); such a run is retried, up to MAX_FAILED times per page.
      let failed = 0;
      while (runs.length < RUNS) {
        const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] }, desktopConfig);
        const lhr = result?.lhr;
        const error = !lhr ? 'no result' : lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null;
        if (!error) {
          runs.push(lhr as Result);
          continue;
        }
        console.error(`# lighthouse run on ${path} failed (${error}); retrying`);
        if (++failed > MAX_FAILED) throw new Error(`lighthouse failed ${failed} times on ${path}: ${error}`);
      }
      const m = (f: (lhr: Result) => number) => median(runs.map(f));
      console.log(`BENCH lighthouse_${name}_performance ${m((r) => score(r, 'performance'))} score`);
      console.log(`BENCH lighthouse_${name}_accessibility ${m((r) => score(r, 'accessibility'))} score`);
      console.log(`BENCH lighthouse_${name}_best_practices ${m((r) => score(r, 'best-practices'))} score`);
      console.log(`BENCH lighthouse_${name}_seo ${m((r) => score(r, 'seo'))} score`);
      console.log(`BENCH lighthouse_${name}_lcp_ms ${m((r) => numeric(r, 'largest-contentful-paint')).toFixed(0)} ms`);
      console.log(`BENCH lighthouse_${name}_tbt_ms ${m((r) => numeric(r, 'total-blocking-time')).toFixed(0)} ms`);
      console.log(`BENCH lighthouse_${name}_cls ${m((r) => numeric(r, 'cumulative-layout-shift')).toFixed(3)} score`);
      const last = runs.at(-1) as Result;
      console.log(`BENCH ${name}_first_load_js_gzip ${(await firstLoadJsKb(last)).toFixed(1)} KB`);
      const failing = Object.values(last.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (failing.length) console.log(`# ${name}: audits not passed: ${failing.map((a) => a.id).join(', ')}`);
      if (process.env.LIGHTHOUSE_DETAILS) for (const a of failing) console.log(`#   ${a.id}: ${JSON.stringify((a.details as { items?: unknown[] } | undefined)?.items?.slice(0, 3)).slice(0, 600)}`);
    }
    console.log(`# lighthouse goals (desktop preset): ${GOALS.join('; ')}`);
  } finally {
    chrome.kill();
    server.stop();
  }
}

await main();
