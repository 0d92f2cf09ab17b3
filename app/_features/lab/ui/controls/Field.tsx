'use client';
// The frame every control shares: the SDK name as its label, the exact current
// value, a one-line explanation and the engine's messages, wired together with
// aria-describedby so a screen reader hears all of it.
import { useId, type ReactNode } from 'react';

export interface FieldFrameProps {
  /** The SDK parameter name (or the lab's own name for non-SDK knobs). */
  name: string;
  /** Shown as the exact current value; omitted for text inputs, which show it themselves. */
  value?: string;
  hint: string;
  problems?: readonly string[] | undefined;
  children: (ids: { input: string; describedBy: string; invalid: boolean }) => ReactNode;
}

export function Field({ name, value, hint, problems, children }: FieldFrameProps) {
  const base = useId();
  const ids = { input: `${base}-input`, hint: `${base}-hint`, error: `${base}-error`, value: `${base}-value` };
  const invalid = (problems?.length ?? 0) > 0;
  const describedBy = [ids.hint, invalid ? ids.error : null].filter(Boolean).join(' ');
  return (
    <div className={`lab-field${invalid ? ' lab-field-invalid' : ''}`}>
      <div className="lab-field-head">
        <label htmlFor={ids.input} className="lab-field-name">
          <code>{name}</code>
        </label>
        {value !== undefined && (
          <output htmlFor={ids.input} id={ids.value} className="lab-field-value">
            {value}
          </output>
        )}
      </div>
      {children({ input: ids.input, describedBy, invalid })}
      <p id={ids.hint} className="lab-field-hint">
        {hint}
      </p>
      {invalid && (
        <div id={ids.error} className="lab-field-error" role="alert">
          {problems?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
