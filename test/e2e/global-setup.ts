// Builds the production app if the build is missing or older than the sources,
// starts `next start` on a free port, and tells the tests where Chromium is.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';
import { acquireBuildLock } from './build-lock';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = ['app', 'content', 'engine', 'public', 'next.config.ts', 'proxy.ts', 'scripts/csp', 'package.json'];

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string | null;
  }
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

function buildIfStale(): void {
  // Written last by `npm run build`, so a build whose post-build step failed counts as stale.
  const marker = join(ROOT, '.next', 'csp-manifest.json');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs > Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (fresh && !process.env.E2E_REBUILD) return;
  // `npm run build` = next build + the post-build step that writes the CSP hashes and the offline precache list.
  const res = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (res.status !== 0) throw new Error('npm run build failed: the browser tests need a production build');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath && process.env.CI) throw new Error('Chromium not found (set CHROMIUM_PATH or apt-get install chromium): browser tests cannot be skipped in CI');
  project.provide('chromiumPath', chromiumPath);
  if (!chromiumPath) {
    console.warn('\n[e2e] Chromium not found: browser tests are skipped (install it with `apt-get install chromium`).\n');
    project.provide('baseUrl', '');
    return;
  }
  const release = await acquireBuildLock(ROOT);
  buildIfStale();
  const port = await freePort();
  // Start next directly (not through npx) so killing it really stops the server.
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(baseUrl, child);
  project.provide('baseUrl', baseUrl);
  return () => {
    child.kill('SIGTERM');
    release();
  };
}
