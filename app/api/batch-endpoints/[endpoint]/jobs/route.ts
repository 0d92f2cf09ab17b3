// POST /api/batch-endpoints/<endpoint>/jobs: invoke the batch endpoint, as
// `az ml batch-endpoint invoke` does, e.g.
//   curl -X POST localhost:3000/api/batch-endpoints/credit-risk/jobs \
//     -H 'Content-Type: application/json' \
//     -d '{"input":{"rows":20000,"files":8},"mini_batch_size":2}'
// The whole job is simulated (and its rows really scored) before the answer;
// the 201 then starts its virtual clock, which GET .../jobs/<id> reads.
// GET lists the jobs the server still keeps, newest first.
import { checkContentType, checkDeclaredLength, json, jsonError, readJsonBody, methodNotAllowed } from '../../../_server/http';
import { defaultOutputPath } from '../../_server/endpoint';
import { jobViewAt, statusAt, virtualSecondsAt } from '../../_server/job-view';
import { unknownEndpoint } from '../../_server/lookup';
import { JOB_BODY_LIMIT, resolveJobRequest } from '../../_server/request';
import { runBatchJob } from '../../_server/run-job';
import { addJob, exclusive, existingOutputs, listJobs, modelBytes, newJobId, timeScale } from '../../_server/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notAllowed = methodNotAllowed(['GET', 'POST']);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };

interface Context {
  params: Promise<{ endpoint: string }>;
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const createdAt = new Date().toISOString();
  const early = checkDeclaredLength(request, JOB_BODY_LIMIT) ?? checkContentType(request);
  if (early) return early;
  const { endpoint } = await context.params;
  const missing = unknownEndpoint(endpoint);
  if (missing) return missing;
  const body = await readJsonBody(request, JOB_BODY_LIMIT);
  if (!body.ok) return body.response;
  const resolved = resolveJobRequest(body.value);
  if (!resolved.ok) return jsonError(resolved.status, resolved.error, resolved.details);
  let model: Uint8Array;
  try {
    model = await modelBytes();
  } catch {
    return jsonError(503, 'The deployment\'s model could not be loaded (is public/models/credit-risk.onnx present?)');
  }
  const id = newJobId();
  const outputPath = resolved.spec.outputPath ?? defaultOutputPath(id);
  try {
    const record = await exclusive(async () => {
      const job = await runBatchJob({
        id,
        spec: resolved.spec,
        modelBytes: model,
        outputPath,
        existingOutputs: existingOutputs(outputPath),
        createdAt,
        timeScale: timeScale(),
        now: Date.now,
      });
      addJob(job);
      return job;
    });
    const view = jobViewAt(record, 0);
    const location = `/api/batch-endpoints/${record.endpoint}/jobs/${record.id}`;
    const response = json(201, {
      id: record.id,
      status: view.status,
      deployment: record.deployment,
      created_at: record.createdAt,
      settings: record.settingsInEffect,
      output: view.output,
      links: { status: location },
    });
    response.headers.set('location', location);
    return response;
  } catch {
    return jsonError(500, 'The job failed inside the simulator; this is a bug, not a problem with the request');
  }
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  const { endpoint } = await context.params;
  const missing = unknownEndpoint(endpoint);
  if (missing) return missing;
  const now = Date.now();
  const jobs = listJobs().map((record) => ({
    id: record.id,
    deployment: record.deployment,
    status: statusAt(record, virtualSecondsAt(record, now)),
    created_at: record.createdAt,
    link: `/api/batch-endpoints/${record.endpoint}/jobs/${record.id}`,
  }));
  return json(200, { endpoint, jobs });
}
