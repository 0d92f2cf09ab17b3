// The published-pipeline HTTP API, called as Next calls it: route handler
// functions with a Request. Every malformed request must get a 4xx JSON error.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/pipelines/route';
import { POST } from '@/app/api/pipelines/[id]/runs/route';
import { MAX_BODY_BYTES } from '@/app/api/pipelines/_server/http';
import { CHAPTER_PIPELINE_ID, resetServerWorkspace } from '@/app/api/pipelines/_server/workspace';

const JSON_TYPE = { 'content-type': 'application/json' };

function post(id: string, init: { body?: BodyInit | null; headers?: Record<string, string> } = {}): Promise<Response> {
  const request = new Request(`http://localhost/api/pipelines/${encodeURIComponent(id)}/runs`, {
    method: 'POST',
    headers: init.headers ?? JSON_TYPE,
    body: init.body ?? null,
    ...(init.body instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ id }) });
}

const postJson = (body: unknown, id = CHAPTER_PIPELINE_ID) => post(id, { body: JSON.stringify(body) });

async function expectError(response: Response, status: number, message?: RegExp): Promise<{ error: string; details?: { path: string; message: string }[] }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as { error: string; details?: { path: string; message: string }[] };
  expect(typeof body.error).toBe('string');
  if (message) expect(body.error + JSON.stringify(body.details ?? [])).toMatch(message);
  return body;
}

beforeAll(() => resetServerWorkspace());

describe('GET /api/pipelines', () => {
  it('lists the pre-published chapter pipeline with its endpoint and typed parameters', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const { pipelines } = (await response.json()) as { pipelines: { id: string; endpoint: string; parameters: { name: string; type: string }[] }[] };
    const chapter = pipelines.find((p) => p.id === CHAPTER_PIPELINE_ID)!;
    expect(chapter.endpoint).toBe('/api/pipelines/credit-risk-batch/runs');
    expect(chapter.parameters.map((p) => `${p.name}:${p.type}`)).toEqual(['input_path:string', 'model_version:string', 'node_count:int', 'mini_batch_size:string']);
    expect(chapter).not.toHaveProperty('pipeline');
  });
});

describe('POST /api/pipelines/[id]/runs', () => {
  it('201: runs the pipeline and returns a compact run summary', async () => {
    const response = await postJson({ ExperimentName: 'api-test', ParameterAssignments: { node_count: 1 }, Tags: { via: 'test' } });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text.length).toBeLessThan(20_000);
    const run = JSON.parse(text) as {
      status: string;
      experiment: string;
      parameters: Record<string, unknown>;
      steps: { name: string; status: string; start: number; end: number; outputs: Record<string, { rows: number }> }[];
      results: { riskBands: { band: string; count: number }[]; preview: unknown[] };
    };
    expect(run.status).toBe('Completed');
    expect(run.experiment).toBe('api-test');
    expect(run.parameters.node_count).toBe(1);
    expect(run.steps.map((s) => s.name)).toEqual(['ingest', 'preprocess', 'score', 'postprocess', 'write-output']);
    expect(run.steps.every((s) => ['Completed', 'Reused'].includes(s.status) && s.end >= s.start)).toBe(true);
    const scored = run.steps.find((s) => s.name === 'score')!.outputs.scores!.rows;
    expect(run.results.riskBands.reduce((sum, b) => sum + b.count, 0)).toBe(scored);
    expect(run.results.preview.length).toBeLessThanOrEqual(5);
    expect(text).not.toContain('"logs"');
    expect(text).not.toContain('"miniBatches":[');
  });

  it('201: submittedAt is the real time the request arrived, even right after a run whose virtual duration is minutes long', async () => {
    const submitted: number[] = [];
    const durations: number[] = [];
    // Node counts no earlier test used, so the score step really runs instead of being reused.
    for (const nodes of [3, 4]) {
      const before = Math.floor(Date.now() / 1000) * 1000;
      const response = await postJson({ ParameterAssignments: { node_count: nodes } });
      const after = Date.now();
      expect(response.status).toBe(201);
      const run = (await response.json()) as { submittedAt: string; durationSeconds: number };
      expect(run.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const at = Date.parse(run.submittedAt);
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after);
      submitted.push(at);
      durations.push(run.durationSeconds);
    }
    expect(durations[0]).toBeGreaterThan(60);
    // The second run is not stamped with the end of the first run's virtual time.
    expect(submitted[1]).toBeGreaterThanOrEqual(submitted[0]!);
    expect(submitted[1]).toBeLessThan(submitted[0]! + durations[0]! * 1000);
    // The listing's publish time is the server's real start, not a fixed date.
    const { pipelines } = (await (await GET()).json()) as { pipelines: { id: string; published: string }[] };
    const published = Date.parse(pipelines.find((p) => p.id === CHAPTER_PIPELINE_ID)!.published);
    expect(published).toBeLessThanOrEqual(submitted[0]!);
    expect(Date.now() - published).toBeLessThan(10 * 60_000);
  });

  it('201: an empty body (plain curl -X POST) runs with the defaults', async () => {
    const response = await post(CHAPTER_PIPELINE_ID, { headers: {} });
    expect(response.status).toBe(201);
    const run = (await response.json()) as { parameters: Record<string, unknown> };
    expect(run.parameters.node_count).toBe(2);
  });

  it('404: unknown pipeline id', async () => {
    await expectError(await postJson({}, 'no-such-pipeline'), 404, /no-such-pipeline/);
    await expectError(await postJson({}, '__proto__'), 404);
  });

  it('400: body that is not JSON, not UTF-8, or not an object', async () => {
    await expectError(await post(CHAPTER_PIPELINE_ID, { body: '{"ParameterAssignments": ' }), 400, /not valid JSON/);
    await expectError(await post(CHAPTER_PIPELINE_ID, { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), 400, /UTF-8/);
    await expectError(await postJson([1, 2]), 400, /JSON object/);
    await expectError(await postJson('hello'), 400, /JSON object/);
  });

  it('400: schema violations, with the field named in details', async () => {
    const typed = await expectError(await postJson({ Tags: { team: 7 } }), 400);
    expect(typed.details?.[0]?.path).toBe('Tags.team');
    await expectError(await postJson({ parameterAssignments: {} }), 400, /unknown field\(s\) parameterAssignments/);
    await expectError(await postJson({ ParameterAssignments: { node_count: null } }), 400, /string, a number or a boolean/);
  });

  it('400: __proto__, constructor and prototype as parameter or tag names, with the key named', async () => {
    // Raw JSON text: a JS object literal would turn "__proto__" into a prototype, not a key.
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const field of ['ParameterAssignments', 'Tags']) {
        const body = `{"${field}": {"${key}": ${field === 'Tags' ? '"x"' : '{"polluted": true}'}}}`;
        const error = await expectError(await post(CHAPTER_PIPELINE_ID, { body }), 400, /reserved name/);
        expect(error.details?.map((d) => d.path)).toEqual([`${field}.${key}`]);
      }
    }
    // Beside a valid parameter it is still refused, and nothing leaked onto Object.prototype.
    await expectError(await post(CHAPTER_PIPELINE_ID, { body: '{"ParameterAssignments": {"node_count": 1, "__proto__": {"polluted": true}}}' }), 400, /__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('400: unknown or ill-typed parameters, named with the expected type', async () => {
    const unknown = await expectError(await postJson({ ParameterAssignments: { nodes: 2 } }), 400, /unknown parameter nodes/);
    expect(unknown.details).toEqual([{ path: 'ParameterAssignments.nodes', message: expect.stringContaining('node_count (int)') as string }]);
    await expectError(await postJson({ ParameterAssignments: { node_count: '2' } }), 400, /node_count must be an integer \(type int\)/);
    await expectError(await postJson({ ParameterAssignments: { node_count: 9 } }), 400, /max_nodes 4/);
  });

  it('413: too large by Content-Length, or by the bytes actually sent', async () => {
    const big = JSON.stringify({ Description: 'x'.repeat(MAX_BODY_BYTES) });
    await expectError(await post(CHAPTER_PIPELINE_ID, { body: big, headers: { ...JSON_TYPE, 'content-length': String(big.length) } }), 413);
    // No Content-Length header (as with a chunked upload): the reader stops at the limit.
    await expectError(await post(CHAPTER_PIPELINE_ID, { body: big }), 413);
    const chunk = new TextEncoder().encode(' '.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 1_000_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    await expectError(await post(CHAPTER_PIPELINE_ID, { body: stream, headers: { ...JSON_TYPE, 'content-length': '10' } }), 413);
    expect(sent).toBeLessThan(10 * MAX_BODY_BYTES);
  });

  it('415: wrong or missing content type', async () => {
    const body = JSON.stringify({});
    await expectError(await post(CHAPTER_PIPELINE_ID, { body, headers: { 'content-type': 'text/plain' } }), 415, /application\/json/);
    await expectError(await post(CHAPTER_PIPELINE_ID, { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    await expectError(await post(CHAPTER_PIPELINE_ID, { body, headers: { 'content-type': 'application/json; charset=latin1' } }), 415);
    await expectError(await post(CHAPTER_PIPELINE_ID, { body, headers: {} }), 415);
    expect((await post(CHAPTER_PIPELINE_ID, { body, headers: { 'content-type': 'Application/JSON; charset="UTF-8"' } })).status).toBe(201);
  });

  it('fuzz: random bytes, JSON shapes and headers never get a 5xx', async () => {
    const parameter = fc.constantFrom('node_count', 'model_version', 'input_path', 'mini_batch_size', 'nodes');
    const value = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null), fc.constant([1]));
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ''),
      fc.record({ ParameterAssignments: fc.dictionary(parameter, value, { maxKeys: 3 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    const contentType = fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 6 },
      { arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-16', ''), weight: 1 },
    );
    const contentLength = fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.constantFrom('0', '5', '99999', 'abc'), weight: 1 });
    const headers = fc.tuple(fc.option(contentType, { freq: 8, nil: undefined }), contentLength).map(([type, length]) => ({
      ...(type !== undefined && { 'content-type': type }),
      ...(length !== undefined && { 'content-length': length }),
    }));
    const ids = fc.oneof({ arbitrary: fc.constant(CHAPTER_PIPELINE_ID), weight: 8 }, { arbitrary: fc.constantFrom('missing', ''), weight: 1 });
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(ids, bodies, headers, async (id, body, head) => {
        const response = await post(id, { body, headers: head });
        expect(response.status).toBeLessThan(500);
        seen.add(response.status);
        const parsed = (await response.json()) as { error?: string; status?: string };
        if (response.status >= 400) expect(typeof parsed.error).toBe('string');
        else expect(parsed.status).toMatch(/Completed|Failed/);
      }),
      { numRuns: 80, seed: 4 },
    );
    // The sample reaches successful runs as well as each kind of rejection.
    expect([...seen].sort()).toEqual(expect.arrayContaining([201, 400, 404, 413, 415]));
  });
});
