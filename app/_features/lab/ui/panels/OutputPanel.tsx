'use client';
// What the step leaves behind: with append_row one gathered file (preview and
// download), with summary_only nothing at all.
import { memo, useDeferredValue, useState } from 'react';
import type { LabView } from '@/app/_features/lab/model/protocol';
import { useLab, useLabStore } from '@/app/_features/lab/use-lab';
import { plural } from '@/engine/parallel-run/outcome';
import { formatCount } from '../format';
import { downloadParts } from './download';
import { PanelTitle } from '../LabProvider';

function DownloadButton({ fileName, partial }: { fileName: string; partial: boolean }) {
  const store = useLabStore();
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    try {
      const file = await store.getState().fetchOutput();
      setProblem(null);
      downloadParts(file.fileName, file.chunks);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <span className="lab-copy">
      <button type="button" className="lab-button" onClick={download}>
        {partial ? `Download the simulator's partial ${fileName}` : `Download ${fileName}`}
      </button>
      <span role="status" className="lab-muted">
        {problem}
      </span>
    </span>
  );
}

/** A new result's output is shown after the timeline has been redrawn (a deferred, interruptible render). */
export function OutputPanel() {
  return <Output view={useDeferredValue(useLab((s) => s.view))} />;
}

const Output = memo(function Output({ view }: { view: LabView | null }) {
  if (!view) return null;
  const output = view.output;
  return (
    <section className="lab-panel" aria-labelledby="lab-output-title">
      <PanelTitle id="lab-output-title">
        Output ({view.settings.outputAction})
      </PanelTitle>
      {output?.partial && (
        <p className="lab-notice" data-testid="lab-output-partial">
          <strong>The job failed, so Azure does not generate {output.fileName}:</strong> the append_row file is gathered when the job
          completes. The {plural(output.lineCount, 'line')} below come from mini-batches that finished before the job stopped. Keeping them is
          this simulator&apos;s choice, so you can inspect them; Microsoft documents no partial file.
        </p>
      )}
      {output ? (
        <>
          <p>
            <code>{output.fileName}</code>: <strong data-testid="lab-output-lines">{formatCount(output.lineCount)}</strong> {output.lineCount === 1 ? 'line' : 'lines'}, one per element run()
            returned, no header. The first {Math.min(output.preview.length, output.lineCount)}:
          </p>
          <pre role="region" className="lab-pre lab-pre-short" tabIndex={0} aria-label={`First lines of ${output.fileName}`}>
            {output.preview.join('\n') || '(empty file)'}
          </pre>
          <DownloadButton fileName={output.fileName} partial={output.partial} />
        </>
      ) : (
        <div className="lab-no-output" data-testid="lab-no-output">
          <p>
            <strong>No output file.</strong> With <code>summary_only</code> nothing is gathered: the {formatCount(view.counts.itemsSucceeded)} results
            run() returned were only counted against the thresholds. A real script would write its own files.
          </p>
        </div>
      )}
    </section>
  );
});
