'use client';

import { useState } from 'react';
import { progressStore } from '@/app/_progress/use-progress';
import { ConfirmPanel } from '../ConfirmPanel';

export function ResetProgress() {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <section aria-labelledby="reset-heading">
      <h2 id="reset-heading">Start over</h2>
      {!asking ? (
        <button
          type="button"
          className="button-bad"
          onClick={() => {
            setAsking(true);
            setDone(false);
          }}
        >
          Reset all progress…
        </button>
      ) : (
        <ConfirmPanel
          danger
          confirmLabel="Yes, reset everything"
          onConfirm={() => {
            progressStore.getState().resetProgress();
            setAsking(false);
            setDone(true);
          }}
          onCancel={() => setAsking(false)}
        >
          This deletes every quiz attempt, best score, unlocked chapter, card schedule, drill stat and reading position on this device. It cannot be undone;
          export a file first if you might want it back.
        </ConfirmPanel>
      )}
      {done && <p role="status">All progress was reset.</p>}
    </section>
  );
}
