// @vitest-environment happy-dom
// The pipeline widget over a fake worker client and a fake fetch: the
// messages it sends for each control, and how it renders what comes back.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import PipelinePanel from '@/app/_features/pipeline/ui/PipelinePanel';
import type { DefinitionView, PipelineRequest, PipelineResponse, RunView, StepRunView } from '@/app/_features/pipeline/model/protocol';
import type { PipelineClient } from '@/app/_features/pipeline/worker/client';

afterEach(cleanup);

const STEPS = ['ingest', 'preprocess', 'score', 'postprocess', 'write-output'];

const DEFINITION: DefinitionView = {
  pipelineName: 'credit-risk-batch-scoring',
  defaultCompute: 'cpu-cluster',
  steps: STEPS.map((name, i) => ({
    name,
    type: name === 'score' ? 'parallel_run' : 'python_script',
    script: `${name}.py`,
    compute: 'cpu-cluster',
    vmSize: 'Standard_DS3_v2',
    tier: 'dedicated',
    inputs: i === 0 ? [{ name: '{input_path}' }] : [{ name: `out-${i - 1}`, from: STEPS[i - 1]! }],
    outputs: [`out-${i}`],
    dependsOn: i === 0 ? [] : [STEPS[i - 1]!],
    allowReuse: true,
    parameterRefs: i === 0 ? ['input_path'] : name === 'score' ? ['node_count', 'mini_batch_size', 'model_version'] : [],
  })),
  parameters: [
    { name: 'input_path', type: 'string', default: 'workspaceblobstore/credit-risk/applicants/' },
    { name: 'model_version', type: 'string', default: 'latest' },
    { name: 'node_count', type: 'int', default: 2 },
    { name: 'mini_batch_size', type: 'string', default: '16KB' },
  ],
  blobPaths: ['workspaceblobstore/credit-risk/applicants/applicants-001.csv'],
  folderPaths: ['workspaceblobstore/credit-risk/applicants/'],
};

function step(name: string, status: StepRunView['status'], runId: string, key: string): StepRunView {
  const reused = status === 'Reused';
  return {
    name,
    status,
    history: reused ? [{ status: 'NotStarted', at: 0 }, { status: 'Reused', at: 0 }] : [{ status: 'NotStarted', at: 0 }, { status: 'Queued', at: 0 }, { status: 'Running', at: 5 }, { status, at: 30 }],
    compute: 'cpu-cluster',
    vmSize: 'Standard_DS3_v2',
    nodes: 1,
    start: reused ? 0 : 5,
    end: reused ? 0 : 30,
    startupSeconds: 0,
    costUsd: reused ? 0 : 0.0125,
    reuseKey: key,
    ...(reused && { reusedFrom: { runId: 'run-0001', stepRunId: `run-0001_${name}` } }),
    outputRows: {},
  };
}

function runOf(id: string, statuses: StepRunView['status'][], keys = STEPS.map((s) => `key-${s}`)): RunView {
  return {
    id,
    status: 'Completed',
    submittedAt: '2026-12-07T10:05:00Z',
    parameters: { node_count: 2 },
    regenerateOutputs: false,
    steps: STEPS.map((name, i) => step(name, statuses[i]!, id, keys[i]!)),
    durationSeconds: 30,
    costUsd: 0.05,
  };
}

/** A worker client whose answers the test gives, one request at a time. */
function fakeClient(initAnswers: PipelineResponse[] = []) {
  const requests: PipelineRequest[] = [];
  const waiting: { request: PipelineRequest; resolve: (r: PipelineResponse) => void }[] = [];
  const client: PipelineClient = {
    request(request) {
      requests.push(request);
      if (request.type === 'init') return Promise.resolve(initAnswers.shift() ?? { type: 'ready', definition: DEFINITION, errors: [] });
      return new Promise((resolve) => waiting.push({ request, resolve }));
    },
    dispose() {},
  };
  const answer = async (type: PipelineRequest['type'], response: PipelineResponse) => {
    const index = waiting.findIndex((w) => w.request.type === type);
    if (index < 0) throw new Error(`no pending ${type} request (sent: ${requests.map((r) => r.type).join(', ')})`);
    const [entry] = waiting.splice(index, 1);
    await act(async () => entry!.resolve(response));
  };
  return { client, requests, answer };
}

type FetchCall = { url: string; init?: RequestInit };

function fakeFetch(respond: (call: FetchCall) => Response) {
  const calls: FetchCall[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, ...(init && { init }) });
    return respond({ url, ...(init && { init }) });
  };
  return { fetch, calls };
}

function setup(respond: (call: FetchCall) => Response = () => new Response('{}', { status: 404 }), initAnswers: PipelineResponse[] = []) {
  const worker = fakeClient(initAnswers);
  const http = fakeFetch(respond);
  render(<PipelinePanel deps={{ client: worker.client, fetch: http.fetch, origin: 'http://localhost:3000', validateDelayMs: 0 }} animate={false} />);
  return { ...worker, http };
}

/** A run where score failed at run time and the steps after it were canceled before they started. */
function failedRun(id: string, error: string): RunView {
  const run = runOf(id, ['Completed', 'Completed', 'Completed', 'Completed', 'Completed']);
  const [ingest, preprocess, score, post, out] = run.steps as [StepRunView, StepRunView, StepRunView, StepRunView, StepRunView];
  const canceled = (s: StepRunView): StepRunView => ({ ...s, status: 'Canceled', history: [{ status: 'NotStarted', at: 0 }, { status: 'Canceled', at: 30 }], start: 30, end: 30, costUsd: 0 });
  const failed: StepRunView = { ...score, status: 'Failed', history: [...score.history.slice(0, 3), { status: 'Failed', at: 30 }], error };
  return { ...run, status: 'Failed', steps: [ingest, preprocess, failed, canceled(post), canceled(out)] };
}

const node = (name: string) => document.querySelector(`li[data-step="${name}"]`) as HTMLElement;
/** The status each step's badge says in words (its glyph stripped). */
const badges = () => STEPS.map((name) => node(name).querySelector('.pipe-badge')?.textContent?.trim().replace(/^\S+\s+/, ''));

describe('PipelineGraph', () => {
  it('sends a run request with the edits and renders the statuses that come back', async () => {
    const { requests, answer } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Run pipeline' }));
    const sent = requests.at(-1);
    expect(sent).toEqual({
      type: 'run',
      edits: {
        parameters: { input_path: 'workspaceblobstore/credit-risk/applicants/', model_version: 'latest', node_count: '2', mini_batch_size: '16KB' },
        allowReuse: Object.fromEntries(STEPS.map((s) => [s, true])),
        regenerateOutputs: false,
        fault: 'none',
      },
    });
    expect(screen.getByRole('button', { name: 'Running…' })).toBeTruthy();
    await answer('run', { type: 'ran', run: runOf('run-0001', ['Completed', 'Completed', 'Completed', 'Completed', 'Completed']) });
    expect(badges()).toEqual(Array(5).fill('Completed'));
    expect(screen.getByText('submitted').nextElementSibling?.textContent).toBe('2026-12-07 10:05:00 UTC');
    expect(within(node('score')).getByText(/start 5 s · end 30 s/).textContent).toMatch(/cost \$0\.0125/);

    fireEvent.click(screen.getByRole('button', { name: 'Run pipeline' }));
    await answer('run', { type: 'ran', run: runOf('run-0002', ['Reused', 'Reused', 'Completed', 'Completed', 'Completed'], ['key-ingest', 'key-preprocess', 'new-score', 'new-post', 'new-out']) });
    expect(badges()).toEqual(['Reused', 'Reused', 'Completed', 'Completed', 'Completed']);
    const live = document.querySelector('.pipe-status')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('run-0002 Completed: ingest Reused, preprocess Reused, score Completed, postprocess Completed, write-output Completed.');
    expect(within(node('ingest')).getByText(/Reused the outputs of/).textContent).toMatch(/run-0001_ingest/);
    expect(within(node('ingest')).getByText(/reuse key/).textContent).toMatch(/same as the run before/);
    expect(within(node('score')).getByText(/reuse key/).textContent).toMatch(/changed; the run before had key-score/);
  });

  it('sends allow_reuse, regenerate_outputs and parameter edits, and shows validation beside the field', async () => {
    const { requests, answer } = setup();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'allow_reuse for preprocess' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'regenerate_outputs' }));
    const nodeCount = screen.getByRole('textbox', { name: 'node_count' });
    fireEvent.change(nodeCount, { target: { value: 'two' } });
    await act(() => new Promise((r) => setTimeout(r, 5)));
    const validate = requests.filter((r) => r.type === 'validate').at(-1);
    expect(validate).toMatchObject({ edits: { parameters: { node_count: 'two' }, allowReuse: { preprocess: false, ingest: true }, regenerateOutputs: true } });
    const message = 'Parameter node_count must be an integer, got "two"';
    await answer('validate', { type: 'validated', errors: [{ code: 'invalid_parameter_value', message }] });
    expect(nodeCount.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(nodeCount.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent).toBe(message);

    // A step problem caused by a parameter is shown at the parameter, and the step points to it.
    fireEvent.change(nodeCount, { target: { value: '9' } });
    await act(() => new Promise((r) => setTimeout(r, 5)));
    const tooMany = "Step score asks for node_count 9, but cpu-cluster has max_nodes 4; lower node_count or raise the cluster's max_nodes";
    await answer('validate', { type: 'validated', errors: [{ code: 'node_count_exceeds_max', step: 'score', message: tooMany }] });
    expect(screen.getByText(tooMany).closest('.field')?.querySelector('input')).toBe(nodeCount);
    expect(within(node('score')).getByText(/Blocked by the value of/).textContent).toMatch(/node_count/);
  });

  it('says that reuse missed the rewritten blob when ingest comes back Reused', async () => {
    const { requests, answer } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Change data in the datastore (same path)' }));
    expect(requests.at(-1)?.type).toBe('change-data');
    await answer('change-data', { type: 'data-changed', change: { datastore: 'workspaceblobstore', path: 'credit-risk/applicants/applicants-001.csv', modified: '2025-03-03T08:20:00Z', bytes: 51234, version: 1 } });
    expect(screen.getByText(/its path is\s+unchanged/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run pipeline' }));
    await answer('run', { type: 'ran', run: runOf('run-0002', Array(5).fill('Reused')) });
    const note = screen.getByRole('note');
    expect(note.textContent).toMatch(/Reuse did not notice the new data/);
    expect(note.textContent).toMatch(/ingest was Reused/);
  });

  it('reports a workspace that could not load, and loads it on Try again', async () => {
    const { requests } = setup(undefined, [{ type: 'error', message: 'could not load /models/credit-risk.onnx (HTTP 503)' }]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not load \/models\/credit-risk\.onnx \(HTTP 503\)/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Run pipeline' });
    expect(requests.map((r) => r.type)).toEqual(['init', 'init']);
  });

  it("publishes under the server's id, shows a curl for the local route, and invokes it with fetch", async () => {
    const runSummary = { id: 'run-0007', status: 'Completed', submittedAt: '2026-12-07T10:06:12Z', durationSeconds: 566, costUsd: 0.0666, steps: STEPS.map((name) => ({ name, status: 'Completed' })) };
    const { requests, answer, http } = setup(({ url, init }) => {
      if (url.endsWith('/api/pipelines') && !init?.method) {
        return Response.json({ pipelines: [{ id: 'credit-risk-batch', name: 'credit-risk-batch-scoring', endpoint: '/api/pipelines/credit-risk-batch/runs', parameters: [] }] });
      }
      const body = JSON.parse(String(init?.body)) as { ParameterAssignments?: Record<string, unknown> };
      if (body.ParameterAssignments && 'bogus' in body.ParameterAssignments) {
        return Response.json({ error: 'The request body is not valid: unknown parameter bogus', details: [{ path: 'ParameterAssignments.bogus', message: 'unknown parameter bogus' }] }, { status: 400 });
      }
      return Response.json(runSummary, { status: 201 });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Publish pipeline' }));
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(http.calls[0]?.url).toBe('http://localhost:3000/api/pipelines');
    expect(requests.at(-1)).toMatchObject({ type: 'publish', id: 'credit-risk-batch' });
    await answer('publish', { type: 'published', published: { id: 'credit-risk-batch', name: 'credit-risk-batch-scoring', endpoint: '/api/pipelines/credit-risk-batch/runs', published: '2025-03-03T08:00:00Z', parameters: [] } });

    const curl = screen.getByLabelText('curl command').textContent;
    expect(curl).toBe(`curl -X POST -H 'Content-Type: application/json' -d '{"ParameterAssignments":{"node_count":2}}' http://localhost:3000/api/pipelines/credit-risk-batch/runs`);

    fireEvent.click(screen.getByRole('button', { name: 'Invoke' }));
    expect((await screen.findByText(/the server ran/)).textContent).toBe(
      'HTTP 201: the server ran run-0007, status Completed, submitted 2026-12-07 10:06:12 UTC, virtual duration 9 min 26 s, cost $0.0666.',
    );
    const post = http.calls.at(-1)!;
    expect(post.url).toBe('http://localhost:3000/api/pipelines/credit-risk-batch/runs');
    expect(post.init?.method).toBe('POST');
    expect(post.init?.body).toBe('{"ParameterAssignments":{"node_count":2}}');
    expect(screen.getByRole('list', { name: 'Steps of run-0007 on the server' }).textContent).toMatch(/score: Completed/);

    const textarea = screen.getByRole('textbox', { name: 'Request body (JSON)' });
    fireEvent.change(textarea, { target: { value: '{"ParameterAssignments":{"bogus":1}}' } });
    expect(screen.getByLabelText('curl command').textContent).toContain(`-d '{"ParameterAssignments":{"bogus":1}}'`);
    fireEvent.click(screen.getByRole('button', { name: 'Invoke' }));
    await screen.findByText('HTTP 400');
    expect(screen.getByText(/unknown parameter bogus$/, { selector: 'li' })).toBeTruthy();
  });

  it('injects a run-time fault, and shows the failed step with its reason and the steps canceled after it', async () => {
    const { requests, answer } = setup();
    const fault = await screen.findByRole('radio', { name: /environment=basic-env/ });
    expect((screen.getByRole('radio', { name: /No fault/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(fault);
    expect(within(node('score')).getByText(/Fault for the next run/).textContent).toMatch(/environment=basic-env \(no onnxruntime\)/);
    expect(within(node('ingest')).queryByText(/Fault for the next run/)).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(requests.filter((r) => r.type === 'validate').at(-1)).toMatchObject({ edits: { fault: 'missing-package' } });

    fireEvent.click(screen.getByRole('button', { name: 'Run pipeline' }));
    expect(requests.at(-1)).toMatchObject({ type: 'run', edits: { fault: 'missing-package' } });
    const error = "ParallelRunStep failed: init() failed on every node. First error: ModuleNotFoundError: No module named 'onnxruntime'";
    await answer('run', { type: 'ran', run: failedRun('run-0001', error) });
    expect(badges()).toEqual(['Completed', 'Completed', 'Failed', 'Canceled', 'Canceled']);
    expect(node('score').getAttribute('data-status')).toBe('Failed');
    expect(within(node('score')).getByText(/^Failed:/).parentElement?.textContent).toBe(`Failed: ${error}`);
    for (const name of ['postprocess', 'write-output']) {
      expect(within(node(name)).getByText(/Canceled without running/).textContent).toMatch(/score failed, and a run submitted with continue_on_step_failure=False stops at its first failed step/);
    }
    expect(within(node('preprocess')).queryByText(/Canceled|Failed:/)).toBeNull();
    expect(screen.getByText('score failed').closest('.pipe-note')?.textContent).toBe(`score failed: ${error}Canceled because of it: postprocess, write-output.`);
    expect(document.querySelector('.pipe-status')?.textContent).toBe('run-0001 Failed: ingest Completed, preprocess Completed, score Failed, postprocess Canceled, write-output Canceled.');

    // Back to no fault: the next run is validated in full again.
    fireEvent.click(screen.getByRole('radio', { name: /No fault/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Run pipeline' }));
    expect(requests.at(-1)).toMatchObject({ type: 'run', edits: { fault: 'none' } });
  });
});
