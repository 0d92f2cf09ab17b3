// What /lab loads up front (issue 13, "less JavaScript first"): its main thread
// validates settings with small engine modules, so none of the engine code that
// only the worker runs (the simulator, luxon) is among the page's own scripts.
// Sizes are the benches' figures (npm run bench); this checks only what is there.
import { expect, it } from 'vitest';
import { baseUrl, describeBrowser, useBrowser } from './browser';
import { nextResult } from './lab-helpers';

// Workers and onnxruntime are excluded, as in the benches' first-load measure.
const WORKER_OR_ORT = /onnxruntime|ort-wasm|ort\.|\.worker|worker/i;
// String literals that survive minification: one of the job's event loop (engine/parallel-run/job.ts), one of luxon.
const WORKER_ONLY = { simulator: 'Simulation stalled', luxon: 'Invalid DateTime' };

describeBrowser('first load', () => {
  const browser = useBrowser();

  it('/lab runs its first job with no simulator or luxon code among the page scripts', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const scripts: Promise<{ url: string; text: string }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && !WORKER_OR_ORT.test(response.url())) scripts.push(response.text().then((text) => ({ url: response.url(), text })));
    });
    await page.goto(`${baseUrl()}/lab`);
    // The first result proves the worker (which does carry the simulator) ran the job.
    await nextResult(page);
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    for (const [what, marker] of Object.entries(WORKER_ONLY)) {
      expect(loaded.filter((s) => s.text.includes(marker)).map((s) => s.url), what).toEqual([]);
    }
    await context.close();
  });
});
