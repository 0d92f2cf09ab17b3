// Service worker: keeps the course usable offline (pages, scripts, the lab's
// model, data and onnxruntime wasm) and swaps versions without breaking a tab
// that is still open. Registered as /sw.js?v=<build id> by
// app/_components/offline/register.ts; the list of what to store comes from
// the same build (scripts/csp/post-build.ts).
'use strict';

const VERSION = new URL(self.location.href).searchParams.get('v') || '';
const PREFIX = 'bil-offline-';
const CACHE = PREFIX + VERSION;
// On a slow train a page from the cache beats a long wait for the network.
const NETWORK_TIMEOUT_MS = 4000;

const isCacheable = (response) => response.ok && response.type === 'basic' && !response.redirected;

/** Hashed build files never change, so a copy stored by an older version is as good as a download. */
async function storeOne(cache, url) {
  const immutable = url.startsWith('/_next/static/');
  const earlier = immutable ? await caches.match(url) : undefined;
  const response = earlier || (await fetch(url, { cache: immutable ? 'default' : 'reload' }));
  if (!isCacheable(response)) throw new Error(`offline precache: ${url} answered ${response.status}`);
  await cache.put(url, response);
}

async function precache() {
  if (!VERSION) throw new Error('sw.js must be registered with ?v=<build id>');
  const listUrl = `/_next/static/${encodeURIComponent(VERSION)}/offline-precache.json`;
  const response = await fetch(listUrl, { cache: 'reload' });
  if (!response.ok) throw new Error(`offline precache list ${listUrl} answered ${response.status}`);
  const { urls } = await response.json();
  const cache = await caches.open(CACHE);
  await Promise.all(urls.map((url) => storeOne(cache, url)));
}

self.addEventListener('install', (event) => {
  // No skipWaiting here: an open tab keeps the version it started with until
  // a page of the new version asks for the switch (see the message handler).
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      // caches.keys() lists in creation order. The newest older cache stays:
      // a tab opened before this deploy may still load its lazy chunks from it.
      await Promise.all(older.slice(0, -1).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  // Sent by a page that already runs this version, i.e. after a navigation to the new deploy.
  if (event.data && event.data.type === 'activate-now' && event.data.version === VERSION) self.skipWaiting();
});

/**
 * A worker's location is the URL of the response that started it. A stored
 * response carries the URL it was stored under, without the query or hash the
 * bundler uses to pass the worker its chunk list, so it is re-wrapped to take
 * the request's URL instead.
 */
const asWorkerScript = (response) => new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });

async function cacheFirst(request) {
  const isWorker = request.destination === 'worker' || request.destination === 'sharedworker';
  const cached = await caches.match(request, { ignoreSearch: isWorker });
  if (cached) return isWorker ? asWorkerScript(cached) : cached;
  const response = await fetch(request);
  if (isCacheable(response) && !isWorker) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

const offlinePage = () =>
  new Response(
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Batch Inference Lab</title><main><h1>You are offline</h1><p>This page was not stored for offline use yet. <a href="/">Open the course map</a>.</p></main></html>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );

/**
 * Fresh from the network when it answers in time, else the stored copy.
 * Pages are stored by path alone: they are static, and the lab keeps its
 * settings in the query string.
 */
async function networkFirst(request, event) {
  const url = new URL(request.url);
  const key = request.mode === 'navigate' ? url.origin + url.pathname : request;
  const network = fetch(request);
  // Registered now, while the event is live: the copy may finish after the answer.
  event.waitUntil(
    network
      .then((response) => {
        if (!isCacheable(response)) return undefined;
        const copy = response.clone();
        return caches.open(CACHE).then((cache) => cache.put(key, copy));
      })
      .catch(() => undefined),
  );
  const stored = () => caches.match(key, { ignoreVary: true, ignoreSearch: request.mode === 'navigate' });
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => stored().then((cached) => cached && resolve(cached)), NETWORK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([network, late]);
  } catch (error) {
    const cached = await stored();
    if (cached) return cached;
    if (request.mode === 'navigate') return offlinePage();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The router's payload requests (links and prefetches) vary by request header,
 * so they are not stored. Offline, an empty answer makes the router fall back
 * to loading the whole page, which then comes from the cache.
 */
const routerPayload = (request) => fetch(request).catch(() => new Response(null, { status: 204 }));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Same origin only; the API always goes to the network.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.headers.has('rsc') || url.searchParams.has('_rsc')) event.respondWith(routerPayload(request));
  else if (url.pathname.startsWith('/_next/static/')) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, event));
});
