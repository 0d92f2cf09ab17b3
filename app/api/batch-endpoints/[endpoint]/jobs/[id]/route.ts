// GET /api/batch-endpoints/<endpoint>/jobs/<id>: the job as of the current
// virtual time (its status, counts, settings, failure reason and the logs
// written so far), read from the record simulated at submission.
import { json, methodNotAllowed } from '../../../../_server/http';
import { jobViewAt, virtualSecondsAt } from '../../../_server/job-view';
import { jobOrResponse } from '../../../_server/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notAllowed = methodNotAllowed(['GET']);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as POST };

interface Context {
  params: Promise<{ endpoint: string; id: string }>;
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  const { endpoint, id } = await context.params;
  const record = jobOrResponse(endpoint, id);
  if (record instanceof Response) return record;
  return json(200, jobViewAt(record, virtualSecondsAt(record, Date.now())));
}
