// Fuzzes the published-pipeline API over HTTP (no browser): many malformed
// run requests, each of which must get a 4xx with a JSON error, never a 5xx,
// and the server must still serve pages afterwards. Bounded in count and
// time, and only ever sent to the local test server.
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';

const PIPELINE = 'credit-risk-batch';
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const PER_KIND = 25;
const MAX_BODY_BYTES = 16 * 1024;

interface Attempt {
  kind: string;
  path: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string | null;
}

const FIELDS = ['ExperimentName', 'ParameterAssignments', 'Description', 'Tags'];
const notJsonObject = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.jsonValue(), { maxLength: 5 }));
const unknownKey = fc.string({ minLength: 1, maxLength: 20 }).map((s) => `x_${s}`);
const badExperimentName = fc.oneof(
  fc.constantFrom('', '-starts-with-hyphen', 'has spaces', 'dots.are.out', 'x'.repeat(300), 'ünïcode'),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => `_${s} !`),
);
const badParameterValue = fc.oneof(fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }), fc.string({ minLength: 2049, maxLength: 2100 }));

/** Each kind breaks the request in one way the API must reject. */
const kinds: Record<string, fc.Arbitrary<Omit<Attempt, 'kind'>>> = {
  'not JSON': fc.string({ maxLength: 200 }).filter((s) => s.trim() !== '' && !parsesAsJson(s)).map((text) => json(text)),
  'truncated JSON': fc.integer({ min: 1, max: 40 }).map((cut) => json('{"ParameterAssignments": {"node_count": 2}, "Tags": {"a": "b"}}'.slice(0, cut))),
  'not an object': notJsonObject.map((value) => json(JSON.stringify(value))),
  'unknown field': fc.tuple(unknownKey, fc.jsonValue()).map(([key, value]) => json(JSON.stringify({ [key]: value }))),
  'field in the wrong case': fc.constantFrom(...FIELDS).map((field) => json(JSON.stringify({ [field.toLowerCase()]: {} }))),
  'bad experiment name': fc.oneof(badExperimentName, fc.integer()).map((name) => json(JSON.stringify({ ExperimentName: name }))),
  'bad parameter value': fc.tuple(fc.constantFrom('node_count', 'mini_batch_size', 'input_path'), badParameterValue).map(([name, value]) => json(JSON.stringify({ ParameterAssignments: { [name]: value } }))),
  'unknown parameter': fc.tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.integer()).map(([name, value]) => json(JSON.stringify({ ParameterAssignments: { [`zz_${name}`]: value } }))),
  'out-of-range node_count': fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 0.01, max: 0.99 }), fc.constant(1e308), fc.integer({ min: 100_000 })).map((n) => json(JSON.stringify({ ParameterAssignments: { node_count: n } }))),
  'wrong container types': fc.tuple(fc.constantFrom(...FIELDS), notJsonObject).filter(([field, v]) => !(field.endsWith('Name') || field === 'Description') || typeof v !== 'string').map(([field, v]) => json(JSON.stringify({ [field]: v }))),
  'too many tags': fc.integer({ min: 60, max: 120 }).map((n) => json(JSON.stringify({ Tags: Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 'v']) ) }))),
  'prototype keys': fc
    .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom('', 'ParameterAssignments', 'Tags'))
    // Nested beside a valid entry, so only the reserved key makes the request wrong.
    .map(([key, field]) => json(field ? `{"${field}": {${field === 'Tags' ? '"team": "a"' : '"node_count": 1'}, "${key}": "x"}}` : `{"${key}": {"polluted": true}}`)),
  'deeply nested': fc.integer({ min: 100, max: 7000 }).map((depth) => json(`{"Tags": ${'['.repeat(depth)}${']'.repeat(depth)}}`)),
  'too large': fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 4 }).map((n) => json(JSON.stringify({ Description: 'd'.repeat(n) }))),
  'invalid UTF-8': fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({ ...json(''), body: Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, ...bytes, 0xc3]) })),
  'wrong content type': fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/xml'), fc.constant('{"ExperimentName": "ok"}')).map(([contentType, body]) => ({ path: runsPath(PIPELINE), body, contentType })),
  'body without a content type': fc.constant({ path: runsPath(PIPELINE), body: '{"ExperimentName": "ok"}', contentType: null }),
  'unknown pipeline': fc.string({ minLength: 1, maxLength: 60 }).filter((id) => id !== PIPELINE && id.trim() !== '' && !/[./\\?#%]/.test(id)).map((id) => ({ path: runsPath(id), body: '{}', contentType: 'application/json' })),
};

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function runsPath(id: string): string {
  return `/api/pipelines/${encodeURIComponent(id)}/runs`;
}

function json(body: string): Omit<Attempt, 'kind'> {
  return { path: runsPath(PIPELINE), body, contentType: 'application/json' };
}

async function send(base: string, attempt: Attempt): Promise<string | null> {
  const headers: Record<string, string> = attempt.contentType ? { 'content-type': attempt.contentType } : {};
  let response: Response;
  try {
    response = await fetch(base + attempt.path, { method: 'POST', headers, body: attempt.body, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    return `no answer (${error instanceof Error ? error.message : String(error)})`;
  }
  const text = await response.text();
  if (response.status < 400 || response.status > 499) return `status ${response.status}: ${text.slice(0, 200)}`;
  if (!response.headers.get('content-type')?.startsWith('application/json')) return `status ${response.status} without a JSON content type`;
  try {
    const body = JSON.parse(text) as { error?: unknown };
    return typeof body.error === 'string' && body.error.length > 0 ? null : `status ${response.status} without an "error" message: ${text.slice(0, 200)}`;
  } catch {
    return `status ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`;
  }
}

const base = inject('baseUrl');

describe.runIf(base)('quality: the pipeline API under malformed requests', () => {
  it(`answers ${Object.keys(kinds).length} kinds of malformed run request with a 4xx JSON error and keeps serving (seed ${SEED})`, async () => {
    // Only ever the local test server.
    expect(new URL(base).hostname).toBe('127.0.0.1');
    const attempts: Attempt[] = Object.entries(kinds).flatMap(([kind, arbitrary], i) => fc.sample(arbitrary, { numRuns: PER_KIND, seed: SEED + i }).map((a) => ({ kind, ...a })));
    const failures: string[] = [];
    const deadline = performance.now() + 90_000;
    let sent = 0;
    // A few requests at a time: enough to overlap, not enough to crowd out the other tests' server use.
    for (let i = 0; i < attempts.length && performance.now() < deadline; i += 4) {
      const batch = attempts.slice(i, i + 4);
      const results = await Promise.all(batch.map((a) => send(base, a)));
      results.forEach((problem, j) => problem && failures.push(`${batch[j]?.kind}: ${problem} (body ${JSON.stringify(String(batch[j]?.body).slice(0, 120))})`));
      sent += batch.length;
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Object.keys(kinds).length * 5);

    // Still serving: a page and the API's own listing.
    expect((await fetch(base + '/')).status).toBe(200);
    const listing = await fetch(base + '/api/pipelines');
    expect(listing.status).toBe(200);
    expect(((await listing.json()) as { pipelines: { id: string }[] }).pipelines.map((p) => p.id)).toContain(PIPELINE);
  });
});
