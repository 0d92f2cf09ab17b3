import type { ReactNode } from 'react';

export function Scenario({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="scenario" aria-label={`Scenario: ${title}`}>
      <p className="scenario-title">{title}</p>
      {children}
    </section>
  );
}
