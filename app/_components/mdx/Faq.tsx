import type { ReactNode } from 'react';

export function Faq({ children }: { children: ReactNode }) {
  return <div className="faq">{children}</div>;
}

/** Native <details> keeps the FAQ collapsible without any client JavaScript. */
export function FaqItem({ question, children }: { question: string; children: ReactNode }) {
  return (
    <details className="faq-item">
      <summary>{question}</summary>
      <div className="faq-answer">{children}</div>
    </details>
  );
}
