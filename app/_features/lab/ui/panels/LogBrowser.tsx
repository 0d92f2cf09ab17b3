'use client';
// The job's ~/logs folder as the engine wrote it: pick a file, read it.
import { memo, useDeferredValue } from 'react';
import { useLab, useLabStore } from '@/app/_features/lab/use-lab';
import { downloadText } from './download';
import { PanelTitle } from '../LabProvider';

const MAX_LINES = 400;

/** The logs of a new result are shown after the timeline has been redrawn (a deferred, interruptible render). */
export function LogBrowser() {
  const logs = useDeferredValue(useLab((s) => s.view?.logs));
  const selected = useLab((s) => s.selectedLog);
  const { selectLog } = useLabStore().getState();
  return <LogFiles logs={logs} selected={selected} selectLog={selectLog} />;
}

const LogFiles = memo(function LogFiles({ logs, selected, selectLog }: { logs: Record<string, string> | undefined; selected: string | null; selectLog: (path: string | null) => void }) {
  if (!logs) return null;
  const paths = Object.keys(logs).sort();
  const current = selected !== null && logs[selected] !== undefined ? selected : (paths[0] ?? null);
  const text = current ? (logs[current] ?? '') : '';
  const lines = text.split('\n');
  const shown = lines.length > MAX_LINES ? `${lines.slice(0, MAX_LINES).join('\n')}\n…` : text;
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
          <pre role="region" className="lab-pre" tabIndex={0} aria-label={`Contents of ${current ?? 'the log'}`}>
            {shown || '(empty)'}
          </pre>
        </div>
      </div>
    </section>
  );
});
