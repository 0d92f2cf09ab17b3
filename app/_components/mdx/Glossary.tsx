import type { ReactNode } from 'react';

export function Glossary({ children }: { children: ReactNode }) {
  return <dl className="glossary">{children}</dl>;
}

export function Term({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="glossary-entry">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}
