// Registers public/sw.js for this build and decides when a newly installed
// version may take over: only when the page asking already runs that version
// (a navigation loaded the new deploy), so no open tab loses the files it
// started with.
const VERSION = process.env.BIL_BUILD_ID ?? '';

const versionOf = (worker: ServiceWorker | null): string | null => (worker ? new URL(worker.scriptURL).searchParams.get('v') : null);

function activateIfCurrent(registration: ServiceWorkerRegistration): void {
  const waiting = registration.waiting;
  if (waiting && versionOf(waiting) === VERSION) waiting.postMessage({ type: 'activate-now', version: VERSION });
}

const hasVersion = (registration: ServiceWorkerRegistration): boolean =>
  [registration.installing, registration.waiting, registration.active].some((worker) => versionOf(worker) === VERSION);

async function register(): Promise<void> {
  // Registering again when this version is already there would do no good, and
  // a page of an older version (loaded from the cache) would replace a newer
  // waiting worker with its own.
  const existing = await navigator.serviceWorker.getRegistration('/');
  const registration =
    existing && hasVersion(existing) ? existing : await navigator.serviceWorker.register(`/sw.js?v=${encodeURIComponent(VERSION)}`, { scope: '/', updateViaCache: 'none' });
  const whenInstalled = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') activateIfCurrent(registration);
    });
  whenInstalled(registration.installing);
  registration.addEventListener('updatefound', () => whenInstalled(registration.installing));
  activateIfCurrent(registration);
  // Says the (deliberately late) registration has happened: tests that stage
  // other versions wait for it, so this page cannot register its own in between.
  document.documentElement.dataset.swRegistered = VERSION;
}

// Long enough for a page's own first downloads (the lab fetches onnxruntime's
// wasm as soon as it starts) to finish: the worker then stores them from the
// HTTP cache instead of downloading them a second time alongside.
const SETTLE_MS = 3000;

/** Starts once the page has loaded and settled, so storing the course never competes with it. */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== 'production' || !VERSION || !('serviceWorker' in navigator)) return;
  const start = () => {
    register().catch((error: unknown) => console.warn('Offline support is unavailable:', error));
  };
  const later = () => window.setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(start, { timeout: SETTLE_MS }) : start()), SETTLE_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
