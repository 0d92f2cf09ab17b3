import type { ReactNode } from 'react';

interface Props {
  id: string;
  /** Visible label; starts with the SDK parameter name where there is one. */
  label: ReactNode;
  /** One line on what the setting does. */
  hint: string;
  /** Engine validation messages for this field. */
  problems?: string[] | undefined;
  children: ReactNode;
}

/** Ids a control should point aria-describedby at. */
export function describedBy(id: string, problems?: string[]): string {
  return problems && problems.length > 0 ? `${id}-hint ${id}-error` : `${id}-hint`;
}

/** A labelled control with its one-line explanation and, beside it, the engine's messages. */
export function Field({ id, label, hint, problems, children }: Props) {
  return (
    <div className={problems && problems.length > 0 ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {problems && problems.length > 0 && (
        <ul id={`${id}-error`} className="field-error">
          {problems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
