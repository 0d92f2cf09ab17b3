'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline confirmation. Focus starts on the safe choice, and Escape cancels. */
export function ConfirmPanel({ children, confirmLabel, cancelLabel = 'Cancel', danger = false, onConfirm, onCancel }: Props) {
  const textId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="confirm-panel" role="alertdialog" aria-labelledby={textId} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p id={textId}>{children}</p>
      <button type="button" className={danger ? 'button-bad' : 'button-primary'} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="button-secondary" ref={cancel} onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
