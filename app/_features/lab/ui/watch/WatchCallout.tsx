'use client';
// The top of a lab opened from a question or drill: what to watch, a way to
// jump to it, and the way back to the question.
import { useEffect, useRef } from 'react';
import { useLab } from '@/app/_features/lab/use-lab';
import { useWatch } from './WatchContext';

export function WatchCallout() {
  const watch = useWatch();
  const changed = useLab((s) => s.revision > 0);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!watch) return null;
  return (
    <aside className="lab-watch" aria-labelledby="lab-watch-title" data-testid="lab-watch">
      <p id="lab-watch-title" className="lab-watch-title" ref={heading} tabIndex={-1}>
        Opened from a question: this run shows the answer
      </p>
      <p className="lab-watch-sentence">{watch.sentence}</p>
      {changed && <p className="lab-muted">You have changed the settings since, so the highlight is off. Follow the link again to see the run it describes.</p>}
      <p className="lab-watch-actions">
        {!changed && (
          <a className="lab-button" href="#lab-watch-target">
            Go to what to watch
          </a>
        )}
        {watch.back && (
          <a className="lab-button" href={watch.back} data-testid="lab-watch-back">
            Back to the question
          </a>
        )}
      </p>
    </aside>
  );
}
