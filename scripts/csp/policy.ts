// The app's security headers in one place. next.config.ts sends the fixed
// headers with every response; proxy.ts sends the page CSP, which differs per
// route because statically generated pages carry their own inline bootstrap
// scripts (Next's `self.__next_f.push(...)`), allowed by SHA-256 hash.

/** A CSP source list for script-src entries computed from inline script bodies. */
export type ScriptHash = `sha256-${string}`;

// 'wasm-unsafe-eval' lets onnxruntime-web compile its wasm; it does not allow
// eval() or new Function(). 'unsafe-inline' is allowed for styles only: React
// and recharts set style attributes, which hashes cannot cover.
const PAGE_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** The policy for an HTML page whose inline scripts have the given hashes. */
export function pagePolicy(scriptHashes: readonly ScriptHash[]): string {
  return PAGE_DIRECTIVES.map(([name, value]) => {
    const extra = name === 'script-src' ? scriptHashes.map((h) => ` '${h}'`).join('') : '';
    return `${name} ${value}${extra}`;
  }).join('; ');
}

/**
 * For scripts that are documents of their own (module workers, the service
 * worker): they get the page policy without hashes, since they have no inline
 * scripts but still compile wasm and fetch same-origin files.
 */
export const SCRIPT_POLICY = pagePolicy([]);

/** JSON answers never load anything. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent with every response, pages and files alike. */
export const FIXED_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Only features Chromium recognises: an unknown one logs a console error.
  { key: 'Permissions-Policy', value: 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()' },
  // Older browsers ignore frame-ancestors; this says the same to them.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
