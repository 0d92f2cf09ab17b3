// The local batch endpoint over HTTP against the production server: a job's
// whole life (POST, status polls until Completed, the predictions.csv
// download), output_path reuse, summary_only, then a fuzz of malformed
// requests, each of which must get a 4xx JSON error and never a 5xx. Bounded
// in count and time, and only ever sent to the local test server. The server
// runs virtual time at its default 100 s per real second, so a small job
// takes a few real seconds.
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';

const JOBS = '/api/batch-endpoints/credit-risk/jobs';
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const PER_KIND = 20;
const MAX_BODY_BYTES = 8 * 1024;
const SMALL = { rows: 1000, files: 4, corrupt: 0 };

const base = inject('baseUrl');

interface View {
  id: string;
  status: string;
  failure_reason?: string;
  counts: { items: { succeeded: number; failed: number }; mini_batches: { total: number; succeeded: number } };
  output: { path: string; file_name: string; url: string | null; reason?: string };
  logs: Record<string, string>;
}

async function submit(body: unknown): Promise<View> {
  const response = await fetch(base + JOBS, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as View;
}

async function view(id: string): Promise<View> {
  const response = await fetch(`${base}${JOBS}/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as View;
}

/** Polls until the job is over; returns every status seen on the way and the last view. */
async function untilDone(id: string): Promise<{ seen: string[]; last: View }> {
  const seen: string[] = [];
  const deadline = performance.now() + 60_000;
  for (;;) {
    const last = await view(id);
    if (seen.at(-1) !== last.status) seen.push(last.status);
    if (last.status === 'Completed' || last.status === 'Failed') return { seen, last };
    if (performance.now() > deadline) throw new Error(`job ${id} still ${last.status} after 60 s`);
    // Often: most of a small job's virtual time is instance start-up, and Running lasts a fraction of a real second.
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.runIf(base)('the local batch endpoint over HTTP', () => {
  it('runs a job from POST to a streamed predictions.csv with one line per succeeded row', async () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
    // One process scoring 40,000 rows file by file, so Running lasts long enough to be seen.
    const created = await submit({ input: { rows: 40_000, files: 8, corrupt: 0 }, mini_batch_size: 1, instance_count: 1, max_concurrency_per_instance: 1 });
    expect(created.status).toBe('Preparing');
    const early = await fetch(`${base}${JOBS}/${created.id}/predictions.csv`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toMatch(/not ready/);

    const { seen, last } = await untilDone(created.id);
    expect(seen[0]).toBe('Preparing');
    expect(seen).toContain('Running');
    expect(last.status).toBe('Completed');
    expect(last.counts.mini_batches).toMatchObject({ total: 8, succeeded: 8 });
    expect(last.logs['logs/job_result.txt']).toMatch(/^Status: Completed/);
    expect(last.logs['logs/job_progress_overview.txt']).toMatch(/Job result: Completed/);
    expect(last.output.url).toBe(`${JOBS}/${created.id}/predictions.csv`);

    const download = await fetch(base + last.output.url!);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="predictions\.csv"/);
    // Streamed: sent in chunks, without a Content-Length worked out in advance.
    expect(download.headers.get('content-length')).toBeNull();
    const lines = (await download.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(last.counts.items.succeeded);
    expect(lines[0]).toMatch(/^cr-\d+,0\.\d+,[01],applicants-0001\.csv$/);
  });

  it('never overwrites predictions.csv: a second job to the same output_path fails with output_exists', async () => {
    const output_path = `azureml://datastores/workspaceblobstore/paths/e2e/${Date.now()}`;
    const first = await submit({ input: SMALL, output_path });
    const second = await submit({ input: SMALL, output_path });
    expect((await untilDone(first.id)).last.status).toBe('Completed');
    const failed = (await untilDone(second.id)).last;
    expect(failed.status).toBe('Failed');
    expect(failed.failure_reason).toMatch(/predictions\.csv is already in the output location and is never overwritten/);
    const missing = await fetch(`${base}${JOBS}/${second.id}/predictions.csv`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/from an earlier job and is never overwritten/);
  });

  it('has no output file with summary_only', async () => {
    const job = await submit({ input: SMALL, output_action: 'summary_only' });
    expect((await untilDone(job.id)).last.status).toBe('Completed');
    const missing = await fetch(`${base}${JOBS}/${job.id}/predictions.csv`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await missing.json()) as { error: string }).error).toMatch(/summary_only/);
  });
});

interface Attempt {
  kind: string;
  method: 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string | null;
}

const OVERRIDES = ['mini_batch_size', 'instance_count', 'max_concurrency_per_instance', 'error_threshold', 'max_retries', 'timeout', 'output_action', 'output_file_name', 'logging_level'];
const notJsonObject = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.jsonValue(), { maxLength: 5 }));
/** Values no override accepts: each is a positive number, -1 or more, a fixed word or a non-empty name, never these. */
const badOverride = fc.oneof(fc.constantFrom(null, true, -5, ''), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
const json = (body: string): Omit<Attempt, 'kind'> => ({ method: 'POST', path: JOBS, body, contentType: 'application/json' });
const get = (path: string): Omit<Attempt, 'kind'> => ({ method: 'GET', path });

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Each kind breaks a request in one way the endpoint must reject. */
const kinds: Record<string, fc.Arbitrary<Omit<Attempt, 'kind'>>> = {
  'not JSON': fc.string({ maxLength: 200 }).filter((s) => s.trim() !== '' && !parsesAsJson(s)).map(json),
  'truncated JSON': fc.integer({ min: 1, max: 45 }).map((cut) => json('{"input": {"rows": 2000, "files": 4}, "timeout": 60}'.slice(0, cut))),
  'not an object': notJsonObject.map((v) => json(JSON.stringify(v))),
  'unknown field': fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).map((s) => `x_${s}`), fc.jsonValue()).map(([k, v]) => json(JSON.stringify({ [k]: v }))),
  'field in the wrong case': fc.constantFrom(...OVERRIDES, 'input', 'deployment').map((f) => json(JSON.stringify({ [f.toUpperCase()]: 1 }))),
  'nested as in the YAML': fc.constantFrom('settings', 'resources').map((f) => json(JSON.stringify({ [f]: { mini_batch_size: 2 } }))),
  'bad override value': fc.tuple(fc.constantFrom(...OVERRIDES), badOverride).map(([f, v]) => json(JSON.stringify({ [f]: v }))),
  'out-of-range input': fc
    .oneof(
      fc.record({ rows: fc.oneof(fc.integer({ max: 999 }), fc.integer({ min: 200_001 }), fc.double({ min: 1000.1, max: 1000.9 })) }),
      fc.record({ files: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1001 })) }),
      fc.record({ corrupt: fc.oneof(fc.double({ min: 0.31, max: 10, noNaN: true }), fc.double({ max: -0.01, min: -10, noNaN: true })) }),
      fc.record({ seed: fc.oneof(fc.integer({ max: -1 }), fc.string()) }),
    )
    .map((input) => json(JSON.stringify({ input }))),
  'wrong types': fc.tuple(fc.constantFrom('input', 'deployment', 'output_path'), notJsonObject).filter(([f, v]) => !(f === 'deployment' && v === 'credit-risk-onnx')).map(([f, v]) => json(JSON.stringify({ [f]: v }))),
  'bad output_path': fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('azureml://datastores/ws/paths/../x', 'azureml://datastores//paths/x', 's3://bucket/x', 'x'.repeat(600))).map((p) => json(JSON.stringify({ output_path: p }))),
  'unknown deployment': fc.string({ minLength: 1, maxLength: 40 }).filter((d) => d !== 'credit-risk-onnx').map((d) => json(JSON.stringify({ deployment: d }))),
  'prototype keys': fc
    .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.boolean())
    .map(([key, nested]) => json(nested ? `{"input": {"rows": 1000, "${key}": {"polluted": true}}}` : `{"${key}": {"polluted": true}}`)),
  'deeply nested': fc.integer({ min: 100, max: 3000 }).map((depth) => json(`{"input": ${'['.repeat(depth)}${']'.repeat(depth)}}`)),
  'too large': fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 4 }).map((n) => json(JSON.stringify({ output_path: 'p'.repeat(n) }))),
  'invalid UTF-8': fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({ ...json(''), body: Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, ...bytes, 0xc3]) })),
  'wrong content type': fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/xml').map((contentType) => ({ ...json('{"timeout": 60}'), contentType })),
  'body without a content type': fc.constant({ ...json('{"timeout": 60}'), contentType: null }),
  'unknown endpoint': fc.string({ minLength: 1, maxLength: 40 }).filter((e) => e !== 'credit-risk' && e.trim() !== '' && !/[./\\?#%]/.test(e)).map((e) => ({ ...json('{}'), path: `/api/batch-endpoints/${encodeURIComponent(e)}/jobs` })),
  'unknown job id': fc.oneof(fc.uuid().map((u) => `batchjob-${u}`), fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !/[./\\?#%]/.test(s))).map((id) => get(`${JOBS}/${encodeURIComponent(id)}`)),
  'wrong method': fc.tuple(fc.constantFrom('PUT', 'PATCH', 'DELETE') as fc.Arbitrary<Attempt['method']>, fc.constantFrom(JOBS, `${JOBS}/batchjob-00000000-0000-0000-0000-000000000000`, '/api/batch-endpoints')).map(([method, path]) => ({ method, path })),
  'unknown job file': fc.oneof(fc.uuid().map((u) => `batchjob-${u}`), fc.constant('nope')).map((id) => get(`${JOBS}/${id}/predictions.csv`)),
};

async function send(attempt: Attempt): Promise<string | null> {
  const headers: Record<string, string> = attempt.contentType ? { 'content-type': attempt.contentType } : {};
  let response: Response;
  try {
    response = await fetch(base + attempt.path, { method: attempt.method, headers, ...(attempt.body !== undefined && { body: attempt.body }), signal: AbortSignal.timeout(15_000) });
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

describe.runIf(base)('quality: the batch endpoint under malformed requests', () => {
  it(`answers ${Object.keys(kinds).length} kinds of malformed request with a 4xx JSON error and keeps serving (seed ${SEED})`, async () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
    const attempts: Attempt[] = Object.entries(kinds).flatMap(([kind, arbitrary], i) => fc.sample(arbitrary, { numRuns: PER_KIND, seed: SEED + i }).map((a) => ({ kind, ...a })));
    const failures: string[] = [];
    const deadline = performance.now() + 90_000;
    let sent = 0;
    for (let i = 0; i < attempts.length && performance.now() < deadline; i += 4) {
      const batch = attempts.slice(i, i + 4);
      const results = await Promise.all(batch.map(send));
      results.forEach((problem, j) => problem && failures.push(`${batch[j]?.kind}: ${problem} (${batch[j]?.method} ${batch[j]?.path} ${JSON.stringify(String(batch[j]?.body ?? '').slice(0, 120))})`));
      sent += batch.length;
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Object.keys(kinds).length * 5);

    // Still serving: a page, and a valid job.
    expect((await fetch(base + '/')).status).toBe(200);
    expect((await submit({ input: SMALL, output_action: 'summary_only' })).status).toBe('Preparing');
  });
});
