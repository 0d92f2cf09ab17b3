// POST /api/pipelines/<id>/runs: invoke a published pipeline the way its
// REST endpoint is called in Azure, e.g.
//   curl -X POST localhost:3000/api/pipelines/credit-risk-batch/runs \
//     -H 'Content-Type: application/json' \
//     -d '{"ExperimentName":"nightly","ParameterAssignments":{"node_count":1}}'
// Answers 201 with a compact run summary, or a 4xx JSON { error, details? }.
// The run's submittedAt is the real time the request arrived; its steps then
// run in the simulator's virtual time from there.
import { findPublishedPipeline, invokePublishedPipeline, PipelineInvocationError, summarizeRun, type Workspace } from '@/engine/index';
import { checkContentType, checkDeclaredLength, json, jsonError, readJsonBody, runRequestSchema, zodDetails } from '../../_server/http';
import { exclusive, serverWorkspace } from '../../_server/workspace';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Context {
  params: Promise<{ id: string }>;
}

async function loadWorkspace(): Promise<Workspace | Response> {
  try {
    return await serverWorkspace();
  } catch {
    return jsonError(503, 'The pipeline workspace could not be loaded (is public/models/credit-risk.onnx present?)');
  }
}

export async function POST(request: Request, context: Context): Promise<Response> {
  // The engine reads no wall clock, so the route hands it the submission time.
  const submittedAt = new Date().toISOString();
  const early = checkDeclaredLength(request) ?? checkContentType(request);
  if (early) return early;
  const { id } = await context.params;
  const ws = await loadWorkspace();
  if (ws instanceof Response) return ws;
  if (!findPublishedPipeline(ws, id)) {
    return jsonError(404, `No published pipeline has id ${JSON.stringify(id.slice(0, 100))}; GET /api/pipelines lists them`);
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = runRequestSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, 'The request body does not match the run request schema', zodDetails(parsed.error));
  try {
    const run = await exclusive(() => invokePublishedPipeline(ws, id, parsed.data, { submittedAt }));
    return json(201, summarizeRun(ws, run));
  } catch (error) {
    if (error instanceof PipelineInvocationError) {
      const details = error.details.map(({ path, message }) => ({ path, message }));
      return jsonError(error.code === 'not_found' ? 404 : 400, error.message, details);
    }
    return jsonError(500, 'The run failed inside the simulator; this is a bug, not a problem with the request');
  }
}
