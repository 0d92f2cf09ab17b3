'use client';
// The job's ~/logs folder as the engine wrote it: pick a file, read it.
import { memo, useDeferredValue, useEffect, useRef, type ReactNode } from 'react';
import { findLogLine } from '@/app/_features/lab/model/watch';
import { useLab, useLabStore } from '@/app/_features/lab/use-lab';
import { downloadText } from './download';
import { PanelTitle } from '../LabProvider';
import { useWatch, useWatchActive } from '../watch/WatchContext';

const MAX_LINES = 400;

/** The logs of a new result are shown after the timeline has been redrawn (a deferred, interruptible render). */
export function LogBrowser() {
  const logs = useDeferredValue(useLab((s) => s.view?.logs));
  const selected = useLab((s) => s.selectedLog);
  const { selectLog } = useLabStore().getState();
  const watched = useWatch()?.log ?? null;
  const mark = useWatchActive(['log']) ? watched : null;
  return <LogFiles logs={logs} selected={selected} selectLog={selectLog} mark={mark} />;
}

interface LogFilesProps {
  logs: Record<string, string> | undefined;
  selected: string | null;
  selectLog: (path: string | null) => void;
  /** The line a lab link points at: marked, and kept in view even past MAX_LINES. */
  mark: { file: string; find: string } | null;
}

/** The lines to show, with the marked one (if any) wrapped in <mark>. */
function logBody(lines: string[], marked: number): ReactNode {
  const from = marked >= MAX_LINES ? Math.max(0, marked - 20) : 0;
  const shown = lines.slice(from, from + MAX_LINES);
  const head = from > 0 ? '…\n' : '';
  const tail = from + MAX_LINES < lines.length ? '\n…' : '';
  const at = marked - from;
  if (marked < 0) return head + shown.join('\n') + tail || '(empty)';
  return (
    <>
      {head + shown.slice(0, at).map((l) => `${l}\n`).join('')}
      <mark className="lab-log-mark" data-testid="lab-log-mark">
        {shown[at]}
      </mark>
      {`\n${shown.slice(at + 1).join('\n')}${tail}`}
    </>
  );
}

const LogFiles = memo(function LogFiles({ logs, selected, selectLog, mark }: LogFilesProps) {
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    // Scroll the log itself (not the page) to the marked line.
    const box = pre.current;
    const line = box?.querySelector('mark');
    if (box && line instanceof HTMLElement) box.scrollTop = Math.max(0, line.offsetTop - box.offsetTop - 48);
  });
  if (!logs) return null;
  const paths = Object.keys(logs).sort();
  const current = selected !== null && logs[selected] !== undefined ? selected : (paths[0] ?? null);
  const text = current ? (logs[current] ?? '') : '';
  const lines = text.split('\n');
  const marked = mark && mark.file === current ? findLogLine(lines, mark.find) : -1;
  return (
    <section className="lab-panel" aria-labelledby="lab-logs-title">
      <PanelTitle id="lab-logs-title">
        Log files
      </PanelTitle>
      <div className="lab-logs">
        <ul className="lab-log-list" aria-label="Log files of the job">
          {paths.map((path) => (
            <li key={path}>
              <button type="button" className="lab-log-link" aria-current={path === current ? 'true' : undefined} onClick={() => selectLog(path)}>
                {path}
              </button>
            </li>
          ))}
        </ul>
        <div className="lab-log-view">
          <div className="lab-log-head">
            <code>{current}</code>
            {lines.length > MAX_LINES && (
              <button type="button" className="lab-button" onClick={() => current && downloadText(current.split('/').pop() ?? 'log.txt', text)}>
                Download the full file ({lines.length - 1} lines)
              </button>
            )}
          </div>
          {/* Focusable so keyboard users can scroll a long log. */}
          <pre ref={pre} role="region" className="lab-pre" tabIndex={0} aria-label={`Contents of ${current ?? 'the log'}`}>
            {logBody(lines, marked)}
          </pre>
        </div>
      </div>
    </section>
  );
});
