// GET /api/batch-endpoints/<endpoint>/jobs/<id>/<output_file_name>: the job's
// output file as a download, streamed a few thousand rows at a time so a
// 200,000-row file is never built as one string. 409 while the job runs (the
// file is generated when it completes); 404 when it will never have one.
import { jsonError, methodNotAllowed } from '../../../../../_server/http';
import { downloadAt, virtualSecondsAt } from '../../../../_server/job-view';
import { jobOrResponse } from '../../../../_server/lookup';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notAllowed = methodNotAllowed(['GET']);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as POST };

const ROWS_PER_CHUNK = 4096;

interface Context {
  params: Promise<{ endpoint: string; id: string; file: string }>;
}

/** RFC 6266: an ASCII fallback plus the exact name in UTF-8. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function streamLines(lines: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= lines.length) {
        controller.close();
        return;
      }
      const end = Math.min(lines.length, at + ROWS_PER_CHUNK);
      controller.enqueue(encoder.encode(`${lines.slice(at, end).join('\n')}\n`));
      at = end;
    },
  });
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  const { endpoint, id, file } = await context.params;
  const record = jobOrResponse(endpoint, id);
  if (record instanceof Response) return record;
  const download = downloadAt(record, virtualSecondsAt(record, Date.now()));
  if (file !== record.outputFileName) {
    const where = download.url ? `GET ${download.url}` : `it has none: ${download.reason}`;
    return jsonError(404, `Job ${id} has no output file ${JSON.stringify(file.slice(0, 100))}; its output_file_name is ${JSON.stringify(record.outputFileName)} (${where})`);
  }
  if (download.state === 'running') return jsonError(409, `${record.outputFileName} is not ready: ${download.reason}; poll GET /api/batch-endpoints/${record.endpoint}/jobs/${id} until its status is Completed`);
  if (download.state === 'none' || record.output === null) return jsonError(404, `Job ${id} has no ${record.outputFileName}: ${download.reason}`);
  return new Response(streamLines(record.output), {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(record.outputFileName),
      'cache-control': 'no-store',
      'x-rows': String(record.output.length),
    },
  });
}
