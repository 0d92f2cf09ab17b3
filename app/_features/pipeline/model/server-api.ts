// The local server's published-pipeline REST route, called with fetch from
// the page (same origin): list what is published there, and POST a run.

export interface ServerPipeline {
  id: string;
  name: string;
  /** Path to POST a run to, e.g. /api/pipelines/credit-risk-batch/runs. */
  endpoint: string;
}

export interface InvokedRun {
  id: string;
  status: string;
  /** When the server received the request, ISO UTC; null if the answer had none. */
  submittedAt: string | null;
  durationSeconds: number;
  costUsd: number;
  steps: { name: string; status: string }[];
}

export type InvokeOutcome =
  | { ok: true; status: number; run: InvokedRun; json: string }
  | { ok: false; status: number | null; message: string; details: { path: string; message: string }[] };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asServerPipeline(v: unknown): ServerPipeline | null {
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.name !== 'string' || typeof v.endpoint !== 'string') return null;
  // Only a same-origin path is used to build a URL.
  if (!v.endpoint.startsWith('/api/pipelines/')) return null;
  return { id: v.id, name: v.name, endpoint: v.endpoint };
}

/** GET /api/pipelines. Throws with a readable message when the server cannot answer. */
export async function listServerPipelines(fetchFn: Fetch, origin: string): Promise<ServerPipeline[]> {
  const response = await fetchFn(`${origin}/api/pipelines`, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = isObject(body) && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new Error(message);
  }
  const list = isObject(body) && Array.isArray(body.pipelines) ? body.pipelines : [];
  return list.map(asServerPipeline).filter((p): p is ServerPipeline => p !== null);
}

function asRun(v: unknown): InvokedRun | null {
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.status !== 'string' || !Array.isArray(v.steps)) return null;
  const steps = v.steps.filter(isObject).map((s) => ({ name: String(s.name), status: String(s.status) }));
  return {
    id: v.id,
    status: v.status,
    submittedAt: typeof v.submittedAt === 'string' ? v.submittedAt : null,
    durationSeconds: typeof v.durationSeconds === 'number' ? v.durationSeconds : 0,
    costUsd: typeof v.costUsd === 'number' ? v.costUsd : 0,
    steps,
  };
}

function details(v: unknown): { path: string; message: string }[] {
  if (!isObject(v) || !Array.isArray(v.details)) return [];
  return v.details.filter(isObject).map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }));
}

/** POST the body as typed; a 4xx comes back as the server's own message. */
export async function invokeServerPipeline(fetchFn: Fetch, url: string, body: string): Promise<InvokeOutcome> {
  let response: Response;
  try {
    response = await fetchFn(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  } catch (error) {
    return { ok: false, status: null, message: `The request did not reach the local server: ${error instanceof Error ? error.message : String(error)}`, details: [] };
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: reported below
  }
  const run = response.ok ? asRun(json) : null;
  if (run) return { ok: true, status: response.status, run, json: JSON.stringify(json, null, 2) };
  const message = isObject(json) && typeof json.error === 'string' ? json.error : text.slice(0, 300) || `HTTP ${response.status}`;
  return { ok: false, status: response.status, message, details: details(json) };
}
