import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // CI runs `tsc --noEmit` as its own step; checking again inside the build only costs time on 2 cores.
  typescript: { ignoreBuildErrors: true },
  // The published-pipeline route scores with onnxruntime-web inside Node.
  serverExternalPackages: ['onnxruntime-web'],
};

export default nextConfig;
