'use client';
// A copy-to-clipboard button with a polite status line. The status belongs to
// the text that was copied: once the text changes, "Copied." disappears, so it
// never vouches for something the clipboard does not hold.
import { useState } from 'react';

interface Props {
  text: string;
  /** The button's accessible name, e.g. "Copy curl command". */
  label: string;
  /** Shown when the browser refuses (no clipboard permission, or not a secure context). */
  failedMessage?: string;
  className?: string;
  buttonClassName?: string;
  statusClassName?: string;
}

export function CopyButton({
  text,
  label,
  failedMessage = 'Copying is not allowed here: select the text and copy it by hand.',
  className = 'pipe-copy',
  buttonClassName = 'button-secondary',
  statusClassName = 'pipe-muted',
}: Props) {
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ text, ok: true });
    } catch {
      setOutcome({ text, ok: false });
    }
  };
  const current = outcome?.text === text ? outcome : null;
  return (
    <span className={className}>
      <button type="button" className={buttonClassName} onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className={statusClassName}>
        {current ? (current.ok ? 'Copied.' : failedMessage) : ''}
      </span>
    </span>
  );
}
