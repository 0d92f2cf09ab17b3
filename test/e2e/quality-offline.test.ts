// Offline use, served by the service worker (public/sw.js): after one visit
// the chapter, quiz, cards, drills and the lab (model and wasm included) work
// with the network off and the server gone, progress made offline is kept,
// and a new version installs beside an open session without breaking it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, describeBrowser, useBrowser } from './browser';
import { CH95 } from './practice-helpers';

const ROOT = join(import.meta.dirname, '..', '..');

/** A server of our own (same build), so this test can switch it off without disturbing the others. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await new Promise<number>((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('offline test server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Waits until the service worker of this build is active and has stored its whole list. */
async function waitForOfflineCopy(page: Page): Promise<{ version: string; stored: number }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const version = new URL(registration.active?.scriptURL ?? location.href).searchParams.get('v') ?? '';
    const cache = await caches.open(`bil-offline-${version}`);
    return { version, stored: (await cache.keys()).length };
  });
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

describeBrowser('quality: offline use', () => {
  const browser = useBrowser();
  let server: { url: string; child: ChildProcess };
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server.child);
  });

  it('stores the whole course on the first visit', async () => {
    await page.goto(server.url + '/', { waitUntil: 'load' });
    const { version, stored } = await waitForOfflineCopy(page);
    const list = (await (await fetch(`${server.url}/_next/static/${version}/offline-precache.json`)).json()) as { urls: string[] };
    expect(stored).toBe(list.urls.length);
    for (const expected of [`/chapters/${CH95}`, `/chapters/${CH95}/quiz`, `/chapters/${CH95}/cards`, '/drills', '/lab', '/models/credit-risk.onnx', '/data/sensor-files.json']) {
      expect(list.urls).toContain(expected);
    }
    expect(list.urls.some((u) => /^\/_next\/static\/.*\.wasm$/.test(u))).toBe(true);
  });

  it('serves the chapter, quiz, cards, drills and lab with the network off and the server stopped', async () => {
    await context.setOffline(true);
    await stopServer(server.child);

    const chapter = await page.goto(`${server.url}/chapters/${CH95}`, { waitUntil: 'load' });
    expect(chapter?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Azure ML Pipelines for Batch Inference');

    await page.goto(`${server.url}/chapters/${CH95}/quiz`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect.poll(() => page.locator('h2.question-prompt').count()).toBe(1);

    await page.goto(`${server.url}/chapters/${CH95}/cards`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('h1').innerText()).toBe('Do you actually know this?');

    // The lab runs a job: its worker, onnxruntime's wasm and the model all come from the cache.
    await page.goto(`${server.url}/lab?node_count=3`, { waitUntil: 'load' });
    await expect.poll(() => page.getByTestId('lab-status').first().innerText(), { timeout: 90_000 }).toMatch(/^Completed/);

    // A link followed offline falls back to the stored page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drills' }).click();
    await page.waitForURL('**/drills');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Batch or real time?');
    expect(errors).toEqual([]);
  });

  it('keeps progress made offline', async () => {
    const answered = () => page.evaluate(() => JSON.parse(localStorage.getItem('bil-progress') ?? '{}').state?.drills?.answered ?? 0);
    const before = await answered();
    await page.getByRole('button', { name: 'Batch', exact: true }).click();
    await expect.poll(answered).toBe(before + 1);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(answered).toBe(before + 1);
    await expect.poll(() => page.locator('[data-stat="accuracy"]').innerText()).toMatch(new RegExp(` of ${before + 1}\\)$`));
  });

});

/** Registers /sw.js for a stand-in version and resolves once it is installed (waiting) or active. */
function installVersion(page: Page, version: string): Promise<string> {
  return page.evaluate(async (v) => {
    const registration = await navigator.serviceWorker.register(`/sw.js?v=${v}`, { scope: '/', updateViaCache: 'none' });
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (!worker) return 'none';
    if (worker.state === 'installing') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state !== 'installing' && resolve(null)));
    return worker.state;
  }, version);
}

const controllerVersion = (page: Page) => page.evaluate(() => new URL(navigator.serviceWorker.controller?.scriptURL ?? location.href).searchParams.get('v'));
const waitingVersion = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.waiting ? new URL(registration.waiting.scriptURL).searchParams.get('v') : null;
  });
const askToActivate = (page: Page, version: string) =>
  page.evaluate(async (v) => (await navigator.serviceWorker.getRegistration())?.waiting?.postMessage({ type: 'activate-now', version: v }), version);

describeBrowser('quality: a new deploy', () => {
  const browser = useBrowser();

  it('installs beside an open session, switches only when a page of that version asks, and keeps one older cache', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(baseUrl() + '/lab', { waitUntil: 'load' });
    const { version: current } = await waitForOfflineCopy(page);
    await page.reload({ waitUntil: 'load' });
    expect(await controllerVersion(page)).toBe(current);
    await expect.poll(() => page.getByTestId('lab-status').first().innerText(), { timeout: 90_000 }).toMatch(/^Completed/);

    // Stand-ins for two later deploys: this build's files under new version names. The server answers
    // /sw.js for any ?v=; only the precache lists are made up (the service worker's requests are routed too).
    const list = (await (await fetch(`${baseUrl()}/_next/static/${current}/offline-precache.json`)).json()) as { urls: string[] };
    await context.route('**/_next/static/next-*/offline-precache.json', (route) => route.fulfill({ json: list }));

    expect(await installVersion(page, 'next-1')).toBe('installed');
    expect(await waitingVersion(page)).toBe('next-1');
    expect(await controllerVersion(page)).toBe(current);
    // A page of the old version loading does not switch, nor does a request naming another version.
    await page.reload({ waitUntil: 'load' });
    // Its own registration runs seconds after load; once next-1 were active it
    // would reinstall this build's version (the stand-ins are not what the server serves).
    await page.waitForFunction(() => document.documentElement.dataset.swRegistered, undefined, { timeout: 30_000 });
    await askToActivate(page, 'next-2');
    await page.waitForTimeout(300);
    expect(await waitingVersion(page)).toBe('next-1');
    expect(await controllerVersion(page)).toBe(current);
    // The open session keeps working: a what-if run in the lab.
    await page.getByRole('slider', { name: /node_count/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('lab-status').first().innerText(), { timeout: 90_000 }).toMatch(/^Completed$/);

    // What a page of version next-1 does after loading: ask for the switch.
    await askToActivate(page, 'next-1');
    await expect.poll(() => controllerVersion(page)).toBe('next-1');
    expect(await cacheNames(page)).toEqual([`bil-offline-${current}`, 'bil-offline-next-1']);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('lab-status').first().innerText(), { timeout: 90_000 }).toMatch(/^Completed$/);

    expect(await installVersion(page, 'next-2')).toBe('installed');
    await askToActivate(page, 'next-2');
    await expect.poll(() => controllerVersion(page)).toBe('next-2');
    await expect.poll(() => cacheNames(page)).toEqual(['bil-offline-next-1', 'bil-offline-next-2']);
    expect(errors).toEqual([]);
    // Leave no stand-in worker behind for the next context (each context has its own profile anyway).
    await context.close();
  });
});
