// Chooses the Content-Security-Policy for a request path from the manifest that
// scripts/csp/post-build.ts wrote. Read once per server process: a new build
// means a new `next start`.
import { readFileSync } from 'node:fs';
import { cspManifestPath, routeKey, type CspManifest } from './manifest';
import { API_POLICY, pagePolicy } from './policy';

interface Policies {
  pages: Map<string, string>;
  fallback: string;
}

let policies: Policies | undefined;

function load(): Policies {
  try {
    const manifest = JSON.parse(readFileSync(cspManifestPath(process.cwd()), 'utf8')) as CspManifest;
    const pages = new Map(Object.entries(manifest.pages).map(([route, hashes]) => [route, pagePolicy(hashes)]));
    return { pages, fallback: pagePolicy(manifest.notFound) };
  } catch (error) {
    // Fail closed: without hashes no inline script runs, so pages render but do
    // not hydrate. Said loudly, because `next build` alone does not write it.
    console.error(`CSP manifest missing or unreadable (build with \`npm run build\`): ${error instanceof Error ? error.message : String(error)}`);
    return { pages: new Map(), fallback: pagePolicy([]) };
  }
}

export function policyForPath(pathname: string): string {
  if (pathname === '/api' || pathname.startsWith('/api/')) return API_POLICY;
  policies ??= load();
  // Anything that is not a prerendered page is answered by a file or by the 404 page.
  return policies.pages.get(routeKey(pathname)) ?? policies.fallback;
}
