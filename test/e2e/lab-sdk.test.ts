// The lab in the v2 batch-deployment dialect, in the real browser: its own
// setting names, predictions.csv and v2 names in the logs and the code, and a
// switch back to v1 that carries the settings over and says what it could not.
import { expect, it } from 'vitest';
import { describeBrowser, openPage, useBrowser } from './browser';
import { FIRST_RUN_MS, nextResult, status } from './lab-helpers';

describeBrowser('the lab in SDK v2', () => {
  const browser = useBrowser();

  it('runs a batch deployment with its own settings, then carries them over to v1', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser(), '/lab?sdk=v2-batch-deployment');
    let result = await nextResult(page);
    expect(await page.getByRole('radio', { name: /sdk=v2-batch-deployment/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('lab-v1-notice').count()).toBe(0);
    // Where Microsoft's pages disagree, the lab says which value it uses.
    expect(await page.getByTestId('lab-sdk-conflicts').textContent()).toMatch(/max_concurrency_per_instance.*The simulator uses/s);
    // v1-only settings have no control here.
    expect(await page.getByRole('textbox', { name: 'allowed_failed_percent' }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'settings.mini_batch_size' }).fill('4');
    result = await nextResult(page, result);
    const perInstance = page.getByRole('slider', { name: 'settings.max_concurrency_per_instance' });
    await perInstance.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => perInstance.inputValue()).toBe('3');
    await expect.poll(async () => (await page.getByTestId('lab-gantt').getAttribute('data-lanes')) ?? '', { timeout: FIRST_RUN_MS }).toBe('6');
    expect(await status(page).innerText()).toBe('Completed');

    const output = page.locator('section[aria-labelledby="lab-output-title"]');
    expect(await output.innerText()).toContain('predictions.csv');
    // The log browser and the code load when they come near the screen.
    await output.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, window.innerHeight));
    await page.getByRole('button', { name: 'logs/job_progress_overview.txt' }).click({ timeout: FIRST_RUN_MS });
    await expect.poll(() => page.getByRole('region', { name: 'Contents of logs/job_progress_overview.txt' }).innerText()).toMatch(/mini-batches created \(settings\.mini_batch_size 4 files\)/);
    const deployment = page.getByRole('region', { name: 'Batch deployment YAML' });
    await deployment.scrollIntoViewIfNeeded();
    const yaml = await deployment.innerText();
    expect(yaml).toMatch(/max_concurrency_per_instance: 3/);
    expect(yaml).toMatch(/mini_batch_size: 4/);
    expect(await page.getByRole('region', { name: 'Command that starts a batch scoring job' }).innerText()).toContain('az ml batch-endpoint invoke --name credit-risk');

    await page.getByRole('radio', { name: /sdk=v1/ }).check();
    const report = page.getByTestId('lab-sdk-report');
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toContain('settings.max_concurrency_per_instance → process_count_per_node = 3');
    expect(text).toMatch(/settings\.mini_batch_size = 4: .*counts files/);
    expect(await page.getByRole('slider', { name: 'process_count_per_node' }).inputValue()).toBe('3');
    expect(await page.getByTestId('lab-v1-notice').innerText()).toContain('30 June 2026');
    expect(await page.getByRole('textbox', { name: 'error_threshold', exact: true }).count()).toBe(1);
    await nextResult(page, result);
    await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('sdk=');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  }, 240_000);
});
