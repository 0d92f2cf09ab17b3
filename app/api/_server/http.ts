// Request handling shared by every API route (pipelines, batch endpoints):
// JSON error responses, a size-capped body reader, content-type checks and the
// guard against prototype keys. Every way a request can be malformed ends in a
// 4xx with { error, details? }; the routes' own schemas live beside them.
import { z } from 'zod';

/** The pipeline routes' limit, and the default of every reader below. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** How big a body a route accepts, and the words of its 413 (what a request of that route needs). */
export interface BodyLimit {
  bytes: number;
  /** Ends the 413 message, e.g. "a run request only needs a few parameters". */
  hint: string;
}

export const DEFAULT_LIMIT: BodyLimit = { bytes: MAX_BODY_BYTES, hint: 'a run request only needs a few parameters' };

export function jsonError(status: number, error: string, details?: ErrorDetail[]): Response {
  return Response.json(details && details.length > 0 ? { error, details } : { error }, { status, headers: { 'cache-control': 'no-store' } });
}

export function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Refuses the names of JavaScript's prototype machinery as keys before the
 * schema sees them: zod silently drops "__proto__" (so the request would be
 * accepted minus that key), and any code that later copies the object
 * carelessly could be tricked by them. A 400 naming the key is clearer.
 */
export function withoutReservedKeys<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null) return;
      for (const key of Object.keys(value)) {
        if (RESERVED_KEYS.includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is a reserved name and cannot be used as a key (${RESERVED_KEYS.join(', ')} are refused)` });
      }
    })
    .pipe(schema);
}

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** application/json (any charset spelling of UTF-8), or no type at all for an empty body. */
export function checkContentType(request: Request): Response | null {
  const header = request.headers.get('content-type');
  if (header === null) return null; // allowed only if the body turns out empty
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (type === 'application/json' && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return null;
  return jsonError(415, `Content-Type must be application/json (UTF-8), got ${JSON.stringify(header.slice(0, 100))}; with curl add -H 'Content-Type: application/json'`);
}

/** 413 from the Content-Length header alone, before reading anything. */
export function checkDeclaredLength(request: Request, limit: BodyLimit = DEFAULT_LIMIT): Response | null {
  const header = request.headers.get('content-length');
  if (header === null) return null;
  if (!/^\d+$/.test(header.trim())) return jsonError(400, 'Content-Length must be a whole number of bytes');
  return Number(header) > limit.bytes ? tooLarge(limit) : null;
}

function tooLarge(limit: BodyLimit): Response {
  return jsonError(413, `The request body is larger than ${limit.bytes} bytes; ${limit.hint}`);
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The body as a parsed JSON value ({} when empty), or the 4xx response to send instead. */
export async function readJsonBody(request: Request, limit: BodyLimit = DEFAULT_LIMIT): Promise<BodyResult> {
  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(request, limit.bytes);
  } catch {
    return { ok: false, response: jsonError(400, 'The request body could not be read') };
  }
  if (bytes === null) return { ok: false, response: tooLarge(limit) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: jsonError(400, 'The request body is not valid UTF-8') };
  }
  if (text.trim() === '') return { ok: true, value: {} };
  if (request.headers.get('content-type') === null) {
    return { ok: false, response: jsonError(415, "A request with a body needs Content-Type: application/json; with curl add -H 'Content-Type: application/json'") };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'parse error';
    return { ok: false, response: jsonError(400, `The request body is not valid JSON: ${reason.slice(0, 200)}`) };
  }
}

/** A JSON 405 for the methods a route does not serve (Next's own 405 has no body to explain it). */
export function methodNotAllowed(allowed: readonly string[]): () => Response {
  return () => {
    const response = jsonError(405, `This route only answers ${allowed.join(' and ')}`);
    response.headers.set('allow', allowed.join(', '));
    return response;
  };
}
