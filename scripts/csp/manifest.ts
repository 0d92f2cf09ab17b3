// The per-route hash list written after `next build` and read by proxy.ts.
import { join } from 'node:path';
import type { ScriptHash } from './policy';

export interface CspManifest {
  buildId: string;
  /** Route path ("/", "/lab", "/chapters/…") → hashes of that page's inline scripts. */
  pages: Record<string, ScriptHash[]>;
  /** The 404 page, served for every path that is not a page. */
  notFound: ScriptHash[];
}

export const cspManifestPath = (root: string): string => join(root, '.next', 'csp-manifest.json');

/** Where the service worker finds its precache list: under the build's own static folder. */
export const precacheListPath = (root: string, buildId: string): string => join(root, '.next', 'static', buildId, 'offline-precache.json');

/** "/lab/" and "/lab" are one route; the manifest uses the form without the slash. */
export function routeKey(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    /* keep a malformed path as it is: it matches no page */
  }
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
