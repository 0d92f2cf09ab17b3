import { randomBytes } from 'node:crypto';
import type { NextConfig } from 'next';
import { FIXED_HEADERS, SCRIPT_POLICY } from './scripts/csp/policy';

// One id per build. The service worker's cache is named after it, so the page
// must know it too (env below). Child processes of the build read the same
// value from the environment instead of drawing a new one.
const buildId = (process.env.BIL_BUILD_ID ||= randomBytes(9).toString('base64url'));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // CI runs `tsc --noEmit` as its own step; checking again inside the build only costs time on 2 cores.
  typescript: { ignoreBuildErrors: true },
  // The published-pipeline route scores with onnxruntime-web inside Node.
  serverExternalPackages: ['onnxruntime-web'],
  generateBuildId: () => buildId,
  env: { BIL_BUILD_ID: buildId },
  async headers() {
    return [
      { source: '/:path*', headers: [...FIXED_HEADERS] },
      // Module workers are documents of their own: their policy comes with
      // their script (a /_next/static chunk), not from the page. Pages get
      // theirs from proxy.ts, which skips /_next/static.
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: SCRIPT_POLICY }] },
    ];
  },
};

export default nextConfig;
