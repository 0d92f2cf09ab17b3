// The 404s every batch-endpoint route shares: an unknown endpoint, a malformed
// or unknown job id, and a job that was evicted from the bounded store.
import { jsonError } from '../../_server/http';
import { ENDPOINT_NAME } from './endpoint';
import type { BatchJobRecord } from './job-record';
import { findJob, JOB_ID_PATTERN, MAX_JOBS } from './store';

const shown = (text: string): string => JSON.stringify(text.slice(0, 100));

export function unknownEndpoint(endpoint: string): Response | null {
  if (endpoint === ENDPOINT_NAME) return null;
  return jsonError(404, `No batch endpoint is named ${shown(endpoint)}; this server has one, ${ENDPOINT_NAME} (POST /api/batch-endpoints/${ENDPOINT_NAME}/jobs)`);
}

export function jobOrResponse(endpoint: string, id: string): BatchJobRecord | Response {
  const early = unknownEndpoint(endpoint);
  if (early) return early;
  if (!JOB_ID_PATTERN.test(id)) {
    return jsonError(404, `No job has id ${shown(id)}; job ids look like batchjob-<uuid>, as returned by POST /api/batch-endpoints/${ENDPOINT_NAME}/jobs`);
  }
  const found = findJob(id);
  if (found.found) return found.record;
  if (found.evicted !== undefined) {
    return jsonError(404, `Job ${id} is no longer kept: ${found.evicted}, and jobs live in this server's memory only; submit it again`);
  }
  return jsonError(404, `No job has id ${id} on this server (jobs are kept in memory, the newest ${MAX_JOBS}, until the server restarts); GET /api/batch-endpoints/${ENDPOINT_NAME}/jobs lists them`);
}
