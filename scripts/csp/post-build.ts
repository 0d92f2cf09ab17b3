// Runs after `next build` (see "build" in package.json) and writes two lists
// the running app reads:
//  - .next/csp-manifest.json: per page, the SHA-256 hashes of its inline
//    scripts, which proxy.ts puts into that page's Content-Security-Policy;
//  - .next/static/<build id>/offline-precache.json: every URL the service
//    worker (public/sw.js) stores on install, so the course works offline.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { inlineScriptHashes } from './inline-scripts';
import { cspManifestPath, precacheListPath, type CspManifest } from './manifest';

const ROOT = process.cwd();
const NEXT = join(ROOT, '.next');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const toUrlPath = (path: string): string => '/' + path.split(sep).join('/');

function cspManifest(buildId: string): CspManifest {
  const appDir = join(NEXT, 'server', 'app');
  const manifest: CspManifest = { buildId, pages: {}, notFound: [] };
  for (const file of filesUnder(appDir).filter((f) => f.endsWith('.html'))) {
    const route = toUrlPath(relative(appDir, file).slice(0, -'.html'.length));
    const hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
    if (route === '/_not-found') manifest.notFound = hashes;
    else manifest.pages[route === '/index' ? '/' : route] = hashes;
  }
  if (!manifest.pages['/'] || manifest.notFound.length === 0) throw new Error(`no prerendered pages found under ${appDir}: did next build run?`);
  return manifest;
}

// The README screenshot is not part of the app; sw.js must never cache itself.
const PUBLIC_SKIPPED = new Set(['/sw.js', '/screenshot.png']);
// Source maps and the Pages-Router manifests under /_next/static/<build id>/ are never fetched by these pages.
const STATIC_SKIPPED = (url: string, buildId: string) => url.endsWith('.map') || url.startsWith(`/_next/static/${buildId}/`);

function precacheUrls(buildId: string): string[] {
  const prerendered = JSON.parse(readFileSync(join(NEXT, 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  const routes = Object.keys(prerendered.routes).filter((route) => !route.startsWith('/_'));
  const publicFiles = filesUnder(join(ROOT, 'public'))
    .map((file) => toUrlPath(relative(join(ROOT, 'public'), file)))
    .filter((url) => !PUBLIC_SKIPPED.has(url));
  const staticFiles = filesUnder(join(NEXT, 'static'))
    .map((file) => '/_next' + toUrlPath(relative(NEXT, file)))
    .filter((url) => !STATIC_SKIPPED(url, buildId));
  return [...routes.sort(), ...publicFiles.sort(), ...staticFiles.sort()];
}

/** The build id reaches the browser through next.config.ts `env`; a mismatch would leave the service worker on a stale version. */
function assertClientKnowsBuildId(buildId: string): void {
  const chunks = filesUnder(join(NEXT, 'static', 'chunks')).filter((f) => f.endsWith('.js'));
  if (!chunks.some((file) => readFileSync(file, 'utf8').includes(buildId))) {
    throw new Error(`build id ${buildId} appears in no client chunk: next.config.ts generateBuildId and env.BIL_BUILD_ID disagree`);
  }
}

function main(): void {
  const buildId = readFileSync(join(NEXT, 'BUILD_ID'), 'utf8').trim();
  assertClientKnowsBuildId(buildId);
  const manifest = cspManifest(buildId);
  const urls = precacheUrls(buildId);
  const listPath = precacheListPath(ROOT, buildId);
  mkdirSync(dirname(listPath), { recursive: true });
  writeFileSync(listPath, JSON.stringify({ version: buildId, urls }, null, 1));
  // Last: test/e2e/global-setup.ts takes this file as the sign of a complete build.
  writeFileSync(cspManifestPath(ROOT), JSON.stringify(manifest, null, 1));
  const hashCount = Object.values(manifest.pages).reduce((n, h) => n + h.length, 0);
  console.log(`post-build: CSP hashes for ${Object.keys(manifest.pages).length} pages (${hashCount} inline scripts), ${urls.length} URLs to precache offline`);
}

main();
