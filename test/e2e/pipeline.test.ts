import { expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { baseUrl, describeBrowser, openPage, useBrowser } from './browser';

const CHAPTER = '/chapters/095-azure-ml-pipelines-batch-inference';
const STEPS = ['ingest', 'preprocess', 'score', 'postprocess', 'write-output'];

/** Each step's status as its badge says it in words. */
async function statuses(widget: Locator): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of STEPS) {
    const text = await widget.locator(`li[data-step="${name}"] .pipe-badge`).innerText();
    out[name] = text.trim().replace(/^\S+\s+/, '');
  }
  return out;
}

/** Clicks Run and waits for the announcement of a run other than `previous` that ended `status`. */
async function runOnce(widget: Locator, previous: string | null, click = true, status: 'Completed' | 'Failed' = 'Completed'): Promise<string> {
  if (click) await widget.getByRole('button', { name: 'Run pipeline' }).click();
  const live = widget.locator('.pipe-status');
  let id = '';
  await expect
    .poll(
      async () => {
        const match = new RegExp(`^(run-\\d+) ${status}:`).exec(await live.innerText());
        id = match?.[1] ?? '';
        return id !== '' && id !== previous;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return id;
}

describeBrowser('pipeline graph', () => {
  const browser = useBrowser();

  it('reuses steps on a second run, re-runs what a parameter change touches, and invokes the published pipeline', async () => {
    const html = await (await fetch(baseUrl() + CHAPTER)).text();
    expect(html).toContain('Loading the pipeline graph');
    expect(html).not.toContain('Run pipeline');

    const { page, consoleErrors, foreignRequests, context } = await openPage(browser(), CHAPTER, { reducedMotion: 'reduce' });
    await page.locator('[data-widget="pipeline graph"]').scrollIntoViewIfNeeded();
    const widget = page.getByRole('group', { name: 'Pipeline graph and reuse' });
    await widget.getByRole('button', { name: 'Run pipeline' }).waitFor({ timeout: 30_000 });
    expect(await statuses(widget)).toEqual(Object.fromEntries(STEPS.map((s) => [s, 'NotStarted'])));

    // The first run from the keyboard alone.
    await widget.getByRole('button', { name: 'Run pipeline' }).focus();
    await page.keyboard.press('Enter');
    const first = await runOnce(widget, null, false);
    expect(Object.values(await statuses(widget))).toEqual(Array(5).fill('Completed'));

    const second = await runOnce(widget, first);
    const again = await statuses(widget);
    expect(Object.values(again).filter((s) => s === 'Reused').length).toBeGreaterThanOrEqual(2);
    expect(again.ingest).toBe('Reused');
    await expect.poll(() => widget.locator('li[data-step="score"]').innerText()).toContain(`Reused the outputs of ${first}_score`);

    // New applicants under the same path: reuse does not notice, and the widget says so.
    await widget.getByRole('button', { name: 'Change data in the datastore (same path)' }).click();
    await widget.getByText(/its path is\s+unchanged/).waitFor();
    const afterChange = await runOnce(widget, second);
    expect((await statuses(widget)).ingest).toBe('Reused');
    expect(await widget.getByRole('note').innerText()).toMatch(/Reuse did not notice the new data/);

    // node_count only feeds the scoring step: it and everything after it run again.
    await widget.getByRole('textbox', { name: 'node_count' }).fill('3');
    const withThreeNodes = await runOnce(widget, afterChange);
    expect(await statuses(widget)).toEqual({ ingest: 'Reused', preprocess: 'Reused', score: 'Completed', postprocess: 'Completed', 'write-output': 'Completed' });
    expect(await widget.locator('li[data-step="score"] .pipe-key').innerText()).toMatch(/changed; the run before had/);

    // A run-time fault: score's init() cannot import onnxruntime, the steps after it are canceled.
    await widget.getByRole('radio', { name: /environment=basic-env/ }).check();
    await runOnce(widget, withThreeNodes, true, 'Failed');
    expect(await statuses(widget)).toEqual({ ingest: 'Reused', preprocess: 'Reused', score: 'Failed', postprocess: 'Canceled', 'write-output': 'Canceled' });
    expect(await widget.locator('li[data-step="score"] .pipe-reason').innerText()).toMatch(/^Failed: .*No module named 'onnxruntime'/);
    expect(await widget.locator('li[data-step="postprocess"] .pipe-reason').innerText()).toMatch(/^Canceled without running: score failed/);
    await widget.getByRole('radio', { name: /No fault/ }).check();

    // Publish, then call the local server's real route through the form.
    await widget.getByRole('button', { name: 'Publish pipeline' }).click();
    const curl = widget.getByLabel('curl command');
    await expect.poll(() => curl.innerText(), { timeout: 20_000 }).toContain(`${baseUrl()}/api/pipelines/credit-risk-batch/runs`);
    expect(await curl.innerText()).toContain(`-d '{"ParameterAssignments":{"node_count":3}}'`);
    await widget.getByRole('button', { name: 'Invoke' }).click();
    await expect.poll(() => widget.locator('.pipe-invoke-result').innerText(), { timeout: 90_000 }).toMatch(/HTTP 201: the server ran run-\d+, status Completed/);
    expect(consoleErrors).toEqual([]);

    // A bad body gets the route's 4xx message. Chromium logs every 4xx response as a console error: that one line is expected.
    await widget.getByRole('textbox', { name: 'Request body (JSON)' }).fill('{"ParameterAssignments":{"node_count":"three"}}');
    await widget.getByRole('button', { name: 'Invoke' }).click();
    await expect.poll(() => widget.locator('.pipe-invoke-result').innerText(), { timeout: 30_000 }).toMatch(/HTTP 400: [\s\S]*node_count/);
    expect(consoleErrors).toEqual([expect.stringMatching(/status of 400/)]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
