// The batch-endpoint routes called as Next calls them, with a fake wall clock
// (only Date is faked) so virtual time can be moved on without waiting.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as ENDPOINTS } from '@/app/api/batch-endpoints/route';
import { DELETE, GET as LIST, POST } from '@/app/api/batch-endpoints/[endpoint]/jobs/route';
import { PUT as PUT_STATUS } from '@/app/api/batch-endpoints/[endpoint]/jobs/[id]/route';
import { GET as STATUS } from '@/app/api/batch-endpoints/[endpoint]/jobs/[id]/route';
import { GET as FILE } from '@/app/api/batch-endpoints/[endpoint]/jobs/[id]/[file]/route';
import { MAX_JOBS, resetBatchEndpointStore } from '@/app/api/batch-endpoints/_server/store';

const ENDPOINT = 'credit-risk';
const SMALL = { rows: 1000, files: 4, corrupt: 0 };

function post(body: unknown, init: { endpoint?: string; headers?: Record<string, string>; raw?: string } = {}): Promise<Response> {
  const endpoint = init.endpoint ?? ENDPOINT;
  const request = new Request(`http://localhost/api/batch-endpoints/${endpoint}/jobs`, {
    method: 'POST',
    headers: init.headers ?? { 'content-type': 'application/json' },
    // Bytes, not a string: a string body would get a text/plain type from the Request constructor.
    body: init.raw === '' ? null : new TextEncoder().encode(init.raw ?? JSON.stringify(body)),
  });
  return POST(request, { params: Promise.resolve({ endpoint }) });
}

const status = (id: string, endpoint = ENDPOINT) => STATUS(new Request('http://localhost/'), { params: Promise.resolve({ endpoint, id }) });
const file = (id: string, name = 'predictions.csv') => FILE(new Request('http://localhost/'), { params: Promise.resolve({ endpoint: ENDPOINT, id, file: name }) });

interface View {
  id: string;
  status: string;
  failure_reason?: string;
  counts: { items: { succeeded: number; failed: number }; mini_batches: { total: number }; rows_returned?: number };
  settings: Record<string, unknown>;
  output: { path: string; file_name: string; url: string | null; reason?: string };
  logs: Record<string, string>;
}

async function submit(body: unknown): Promise<View> {
  const response = await post(body);
  expect(response.status).toBe(201);
  return (await response.json()) as View;
}

async function viewOf(id: string): Promise<View> {
  const response = await status(id);
  expect(response.status).toBe(200);
  return (await response.json()) as View;
}

async function expectError(response: Response, code: number, message: RegExp): Promise<void> {
  expect(response.status).toBe(code);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as { error: string; details?: unknown };
  expect(body.error + JSON.stringify(body.details ?? [])).toMatch(message);
}

/** Far beyond any of these small jobs' virtual duration at 100 virtual s per real s. */
const later = () => vi.setSystemTime(Date.now() + 60 * 60_000);

beforeAll(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterAll(() => vi.useRealTimers());
beforeEach(() => {
  resetBatchEndpointStore();
  delete process.env.BATCH_ENDPOINT_TIME_SCALE;
});

describe('a job from POST to download', () => {
  it('is Preparing at first, Running later, then Completed with a streamed predictions.csv of one line per succeeded row', async () => {
    const response = await post({ input: SMALL, mini_batch_size: 1 });
    expect(response.status).toBe(201);
    const created = (await response.json()) as View;
    expect(created.id).toMatch(/^batchjob-/);
    expect(response.headers.get('location')).toBe(`/api/batch-endpoints/credit-risk/jobs/${created.id}`);
    expect(created.status).toBe('Preparing');
    await expectError(await file(created.id), 409, /not ready: the job is Preparing/);

    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      vi.setSystemTime(Date.now() + 100);
      seen.add((await viewOf(created.id)).status);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['Preparing', 'Running', 'Completed']));
    const view = await viewOf(created.id);
    expect(view.status).toBe('Completed');
    expect(view.counts.mini_batches.total).toBe(4);
    expect(view.settings['settings.mini_batch_size']).toBe(1);
    expect(view.logs['logs/job_result.txt']).toMatch(/^Status: Completed/);
    expect(view.logs['logs/job_progress_overview.txt']).toMatch(/Job result: Completed/);

    const download = await file(created.id);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="predictions\.csv"/);
    expect(download.body).toBeInstanceOf(ReadableStream);
    const lines = (await download.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(view.counts.items.succeeded);
    expect(lines).toHaveLength(1000);
  });

  it('writes a custom output_file_name and serves it under that name only', async () => {
    const { id } = await submit({ input: SMALL, output_file_name: 'scores.csv' });
    later();
    expect((await file(id, 'scores.csv')).status).toBe(200);
    await expectError(await file(id, 'predictions.csv'), 404, /its output_file_name is "scores\.csv"/);
  });

  it('has no file with summary_only, and says why', async () => {
    const { id } = await submit({ input: SMALL, output_action: 'summary_only' });
    later();
    expect((await viewOf(id)).status).toBe('Completed');
    await expectError(await file(id), 404, /summary_only, so the job writes no predictions\.csv/);
  });

  it('has no file when the job fails, and gives the failure reason', async () => {
    const { id } = await submit({ input: SMALL, timeout: 0.001, max_retries: 1, error_threshold: 0 });
    later();
    const view = await viewOf(id);
    expect(view.status).toBe('Failed');
    expect(view.failure_reason).toMatch(/settings\.error_threshold exceeded/);
    await expectError(await file(id), 404, /the job failed \(settings\.error_threshold exceeded/);
  });
});

describe('output_path', () => {
  const shared = 'azureml://datastores/workspaceblobstore/paths/credit-risk/nightly';

  it('gives each job its own folder by default', async () => {
    const a = await submit({ input: SMALL });
    const b = await submit({ input: SMALL });
    expect(a.output.path).not.toBe(b.output.path);
    later();
    expect((await viewOf(b.id)).status).toBe('Completed');
  });

  it('never overwrites predictions.csv: the second job to the same folder fails with output_exists', async () => {
    const first = await submit({ input: SMALL, output_path: shared });
    const second = await submit({ input: SMALL, output_path: `${shared}/` });
    const other = await submit({ input: SMALL, output_path: shared, output_file_name: 'other.csv' });
    later();
    expect((await viewOf(first.id)).status).toBe('Completed');
    const failed = await viewOf(second.id);
    expect(failed.status).toBe('Failed');
    expect(failed.failure_reason).toMatch(/predictions\.csv is already in the output location and is never overwritten/);
    await expectError(await file(second.id), 404, /already in azureml:\/\/datastores\/workspaceblobstore\/paths\/credit-risk\/nightly\/ from an earlier job/);
    expect((await file(first.id)).status).toBe(200);
    expect((await viewOf(other.id)).status).toBe('Completed');
  });

  it('a failed job writes no file, so the folder stays free', async () => {
    await submit({ input: SMALL, output_path: shared, timeout: 0.001, max_retries: 1, error_threshold: 0 });
    const next = await submit({ input: SMALL, output_path: shared });
    later();
    expect((await viewOf(next.id)).status).toBe('Completed');
  });
});

describe('any valid request', () => {
  it('is accepted and ends with every item accounted for, its file one line per returned row', async () => {
    const overrides = fc.record(
      {
        mini_batch_size: fc.integer({ min: 1, max: 12 }),
        instance_count: fc.integer({ min: 1, max: 8 }),
        max_concurrency_per_instance: fc.integer({ min: 1, max: 16 }),
        error_threshold: fc.integer({ min: -1, max: 3000 }),
        max_retries: fc.integer({ min: 1, max: 4 }),
        timeout: fc.constantFrom(0.01, 1, 30, 600),
        output_action: fc.constantFrom('append_row', 'summary_only', 'APPEND_ROW'),
        logging_level: fc.constantFrom('debug', 'INFO', 'warning'),
        input: fc.record({ rows: fc.integer({ min: 1000, max: 3000 }), files: fc.integer({ min: 1, max: 12 }), corrupt: fc.double({ min: 0, max: 0.3, noNaN: true }), seed: fc.nat() }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(overrides, async (body) => {
        const { id } = await submit(body);
        later();
        const view = await viewOf(id);
        expect(['Completed', 'Failed']).toContain(view.status);
        const { items } = view.counts as unknown as { items: { total: number; succeeded: number; failed: number; not_run: number } };
        expect(items.succeeded + items.failed + items.not_run).toBe(items.total);
        const download = await file(id);
        if (view.output.url) {
          const text = await download.text();
          expect(text === '' ? 0 : text.trimEnd().split('\n').length).toBe(view.counts.rows_returned);
        } else expect(download.status).toBe(404);
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });
});

describe('virtual time', () => {
  it('runs at BATCH_ENDPOINT_TIME_SCALE virtual seconds per real second', async () => {
    process.env.BATCH_ENDPOINT_TIME_SCALE = '1000000';
    const { id } = await submit({ input: SMALL });
    vi.setSystemTime(Date.now() + 1000);
    expect((await viewOf(id)).status).toBe('Completed');
  });
});

describe('lookups', () => {
  it('lists the endpoint and its deployment YAML', async () => {
    const body = (await ENDPOINTS().json()) as { endpoints: { name: string; jobs: string; deployments: { name: string; yaml: { settings: { output_file_name: string } } }[] }[] };
    expect(body.endpoints).toHaveLength(1);
    expect(body.endpoints[0]).toMatchObject({ name: 'credit-risk', jobs: '/api/batch-endpoints/credit-risk/jobs' });
    expect(body.endpoints[0]!.deployments[0]).toMatchObject({ name: 'credit-risk-onnx', yaml: { settings: { output_file_name: 'predictions.csv' } } });
  });

  it('answers other methods with a JSON 405 and an Allow header', async () => {
    const response = DELETE();
    expect(response.headers.get('allow')).toBe('GET, POST');
    await expectError(response, 405, /only answers GET and POST/);
    await expectError(PUT_STATUS(), 405, /only answers GET/);
  });

  it('answers 404 JSON for an unknown endpoint, a malformed id and an unknown id', async () => {
    await expectError(await post({}, { endpoint: 'fraud' }), 404, /No batch endpoint is named "fraud"; this server has one, credit-risk/);
    await expectError(await status('abc'), 404, /job ids look like batchjob-<uuid>/);
    await expectError(await status('batchjob-00000000-0000-0000-0000-000000000000'), 404, /No job has id batchjob-0{8}/);
    await expectError(await status('batchjob-00000000-0000-0000-0000-000000000000', 'fraud'), 404, /No batch endpoint/);
  });

  it(`keeps the newest ${MAX_JOBS} jobs and says so for an evicted one`, async () => {
    const first = await submit({ input: SMALL, output_action: 'summary_only' });
    for (let i = 0; i < MAX_JOBS; i++) await submit({ input: SMALL, output_action: 'summary_only' });
    await expectError(await status(first.id), 404, new RegExp(`no longer kept: only the newest ${MAX_JOBS} jobs are kept`));
    const list = (await (await LIST(new Request('http://localhost/'), { params: Promise.resolve({ endpoint: ENDPOINT }) })).json()) as { jobs: unknown[] };
    expect(list.jobs).toHaveLength(MAX_JOBS);
  });
});

describe('malformed requests', () => {
  it.each([
    ['not JSON', { raw: '{"input": ' }, 400, /not valid JSON/],
    ['wrong content type', { raw: '{}', headers: { 'content-type': 'text/plain' } }, 415, /application\/json/],
    ['a body without a content type', { raw: '{"input": {}}', headers: {} }, 415, /needs Content-Type/],
    ['too large', { raw: JSON.stringify({ output_path: 'x'.repeat(9000) }) }, 413, /larger than 8192 bytes/],
    ['a declared length too large', { raw: '{}', headers: { 'content-type': 'application/json', 'content-length': '100000' } }, 413, /larger than/],
  ])('%s gets a 4xx JSON error', async (_name, init, code, message) => {
    await expectError(await post(undefined, init), code, message);
  });

  it('an unknown deployment gets a 404 naming the allowed ones', async () => {
    await expectError(await post({ deployment: 'nope' }), 404, /its deployments are credit-risk-onnx/);
  });

  it('a bad override gets the engine message in the deployment name', async () => {
    await expectError(await post({ mini_batch_size: '1MB' }), 400, /"path":"mini_batch_size","message":"settings\.mini_batch_size is \\"1MB\\"/);
  });

  it('an empty body is a job with every default', async () => {
    const response = await post(undefined, { raw: '', headers: {} });
    expect(response.status).toBe(201);
  });
});
