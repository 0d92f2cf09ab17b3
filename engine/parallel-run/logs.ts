// Log files shaped like a v1 ParallelRunStep job's ~/logs folder. Lines are
// collected as the job runs and joined once at the end, which keeps the
// per-mini-batch cost to one short string.
import type { AttemptOutcome } from '../types';

export const LOG_PATHS = {
  progress: 'logs/job_progress_overview.txt',
  result: 'logs/job_result.txt',
  errors: 'logs/job_error.txt',
  master: 'logs/sys/master_role.txt',
  processedMiniBatches: 'logs/sys/job_report/processed_mini-batches.csv',
} as const;

export const PROCESSED_CSV_COLUMNS = [
  'Mini-batch Id',
  'Picked Count',
  'Process',
  'Start Time',
  'Total',
  'Succeeded',
  'Failed',
  'Elapsed Seconds',
  'Status',
  'Error',
] as const;

/** Node ids in paths and columns: "node-0", "node-1", … */
export const nodeName = (node: number): string => `node-${node}`;

/** Process names follow the EntryScript agent_name style: process000, process001, … */
export const processName = (process: number): string => `process${String(process).padStart(3, '0')}`;

export const entryScriptLogPath = (node: number, process: number): string =>
  `logs/user/entry_script_log/${nodeName(node)}/${processName(process)}.log.txt`;

export const stderrLogPath = (node: number, process: number): string =>
  `logs/user/stderr/${nodeName(node)}/${processName(process)}.stderr.txt`;

/** RUN_DONE, RUN_TIMEOUT and RUN_EXCEPTION are the service's words; the last two are this simulator's labels. */
export const ATTEMPT_STATUS: Record<AttemptOutcome, string> = {
  succeeded: 'RUN_DONE',
  timeout: 'RUN_TIMEOUT',
  exception: 'RUN_EXCEPTION',
  oom: 'RUN_OUT_OF_MEMORY',
  preempted: 'NODE_PREEMPTED',
};

const CSV_CHUNK = 1024;

export const stamp = (seconds: number): string => `[${seconds.toFixed(3)}s]`;

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface JobSummary {
  status: 'Completed' | 'Failed';
  failureReason?: string | undefined;
  endTime: number;
  lines: string[];
}

export class JobLogWriter {
  // CSV rows are joined into chunks every CHUNK rows so each row string dies
  // young instead of piling up in the old generation until the end.
  private readonly csvChunks: string[] = [PROCESSED_CSV_COLUMNS.join(',')];
  private csvRows: string[] = [];
  private readonly progress: string[] = [];
  private readonly master: string[] = [];
  private readonly errors: string[] = [];
  private readonly processLogs = new Map<string, string[]>();

  progressLine(time: number, text: string): void {
    this.progress.push(`${stamp(time)} ${text}`);
  }

  masterLine(time: number, text: string): void {
    this.master.push(`${stamp(time)} ${text}`);
  }

  errorLine(time: number, text: string): void {
    this.errors.push(`${stamp(time)} ${text}`);
  }

  /** Lines a process wrote to stderr (a traceback when user code raised). */
  stderrLines(node: number, process: number, lines: readonly string[]): void {
    this.linesOf(stderrLogPath(node, process)).push(...lines);
  }

  /** The line list of one process's entry-script log (created on first use). */
  processLog(node: number, process: number): string[] {
    return this.linesOf(entryScriptLogPath(node, process));
  }

  private linesOf(path: string): string[] {
    let lines = this.processLogs.get(path);
    if (!lines) {
      lines = [];
      this.processLogs.set(path, lines);
    }
    return lines;
  }

  attempt(
    miniBatchId: number,
    picked: number,
    where: string,
    start: number,
    total: number,
    succeeded: number,
    failed: number,
    elapsed: number,
    outcome: AttemptOutcome,
    error: string,
  ): void {
    this.csvRows.push(
      `${miniBatchId},${picked},${where},${start.toFixed(3)},${total},${succeeded},${failed},${elapsed.toFixed(3)},${ATTEMPT_STATUS[outcome]},${error === '' ? '' : csvField(error)}`,
    );
    if (this.csvRows.length === CSV_CHUNK) this.flushCsv();
  }

  private flushCsv(): void {
    if (this.csvRows.length === 0) return;
    this.csvChunks.push(this.csvRows.join('\n'));
    this.csvRows = [];
  }

  finish(summary: JobSummary): Record<string, string> {
    this.flushCsv();
    const result = [`Status: ${summary.status}`];
    if (summary.failureReason) result.push(`Reason: ${summary.failureReason}`);
    result.push(...summary.lines);
    result.push(`Leader exit code: ${summary.status === 'Completed' ? 0 : 42}`);
    this.progressLine(summary.endTime, `Job result: ${summary.status}${summary.failureReason ? ` (${summary.failureReason})` : ''}`);
    if (summary.status === 'Failed') this.progressLine(summary.endTime, `See ${LOG_PATHS.result} and ${LOG_PATHS.errors} to start troubleshooting.`);
    const logs: Record<string, string> = {
      [LOG_PATHS.progress]: joinLines(this.progress),
      [LOG_PATHS.result]: joinLines(result),
      [LOG_PATHS.errors]: this.errors.length > 0 ? joinLines(this.errors) : 'No errors were reported by the entry script.\n',
      [LOG_PATHS.master]: joinLines(this.master),
      [LOG_PATHS.processedMiniBatches]: joinLines(this.csvChunks),
    };
    for (const [path, lines] of this.processLogs) if (lines.length > 0) logs[path] = joinLines(lines);
    return logs;
  }
}

const joinLines = (lines: string[]): string => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
