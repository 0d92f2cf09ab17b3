'use client';

import { useId, useRef, useState } from 'react';
import { parseProgressFile } from '@/app/_progress/transfer';
import type { ProgressData } from '@/app/_progress/schema';
import { progressStore } from '@/app/_progress/use-progress';
import { ConfirmPanel } from '../ConfirmPanel';
import { describeProgress } from './summary';

/**
 * Import is checked in full before anything changes: a bad file gets a message
 * naming the field, and a good one must still be confirmed, since it replaces
 * the current progress.
 */
export function ImportDialog() {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ name: string; progress: ProgressData } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const read = async (file: File | undefined) => {
    setDone(null);
    setPending(null);
    setError(null);
    if (!file) return;
    const result = parseProgressFile(await file.text());
    if (result.ok) setPending({ name: file.name, progress: result.progress });
    else setError(result.message);
  };

  const clear = () => {
    setPending(null);
    if (!input.current) return;
    input.current.value = '';
    // The confirmation that held focus is gone: hand focus back to the file field.
    input.current.focus();
  };

  return (
    <section className="import-dialog" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>Import progress</h2>
      <p>
        <label htmlFor={inputId}>Progress file (JSON, exported from this app) </label>
        <input id={inputId} ref={input} type="file" accept="application/json,.json" onChange={(e) => void read(e.target.files?.[0])} />
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {pending && (
        <ConfirmPanel
          confirmLabel="Replace my progress"
          onConfirm={() => {
            progressStore.getState().replaceProgress(pending.progress);
            setDone(`Imported “${pending.name}”.`);
            clear();
          }}
          onCancel={clear}
        >
          “{pending.name}” holds {describeProgress(pending.progress)}. Importing replaces all of your current progress ({describeProgress(progressStore.getState())}).
        </ConfirmPanel>
      )}
      {done && <p role="status">{done}</p>}
    </section>
  );
}
