// Sends each page its Content-Security-Policy. Pages are prerendered, so there
// is no per-request nonce: the policy lists the SHA-256 hashes of the page's
// own inline scripts, computed after the build (scripts/csp/post-build.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { policyForPath } from './scripts/csp/route-policy';

export function proxy(request: NextRequest): NextResponse {
  const response = NextResponse.next();
  // The dev server evaluates code and injects inline scripts of its own.
  if (process.env.NODE_ENV !== 'production') return response;
  response.headers.set('Content-Security-Policy', policyForPath(request.nextUrl.pathname));
  return response;
}

export const config = {
  // Hashed build files get their policy from next.config.ts headers().
  matcher: ['/((?!_next/static|_next/image).*)'],
};
