// GET /api/pipelines: the published pipelines of the server's workspace, each
// with the REST path to POST a run to and its parameters.
import { listPublishedPipelines } from '@/engine/index';
import { json, jsonError } from './_server/http';
import { serverWorkspace } from './_server/workspace';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    const ws = await serverWorkspace();
    return json(200, { pipelines: listPublishedPipelines(ws) });
  } catch {
    return jsonError(503, 'The pipeline workspace could not be loaded (is public/models/credit-risk.onnx present?)');
  }
}
