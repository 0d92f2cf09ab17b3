import type { ReactNode } from 'react';

const LABELS = { note: 'Note', tip: 'Tip', warning: 'Warning', exam: 'Exam tip' } as const;

export function Callout({ kind = 'note', title, children }: { kind?: keyof typeof LABELS; title?: string; children: ReactNode }) {
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ?? LABELS[kind]}>
      <p className="callout-title">{title ?? LABELS[kind]}</p>
      {children}
    </aside>
  );
}
