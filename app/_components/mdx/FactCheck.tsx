import type { ReactNode } from 'react';

/**
 * Where prep texts and Microsoft's documentation disagree, we teach the docs and say so.
 * The landmark is named after its claim: a chapter has many fact checks, and
 * screen-reader users pick landmarks from a list where identical names are useless.
 */
export function FactCheck({ claim, children }: { claim: string; children: ReactNode }) {
  return (
    <aside className="callout callout-factcheck" aria-label={`Fact check: ${claim}`}>
      <p className="callout-title">Fact check</p>
      <p className="factcheck-claim">
        <span className="factcheck-label">Often claimed:</span> {claim}
      </p>
      <div className="factcheck-truth">
        <span className="factcheck-label">What the docs say:</span>
        {children}
      </div>
    </aside>
  );
}
