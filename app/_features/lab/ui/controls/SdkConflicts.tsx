'use client';
// Where Microsoft's pages disagree about a v2 setting, the engine picked one
// documented value (DIALECT_CONFLICTS); the lab says which, for the dialect shown.
import { DIALECT_CONFLICTS } from '@/engine/dialects/conflicts';
import type { LabSdk } from '@/app/_features/lab/model/sdk';

export function SdkConflicts({ sdk }: { sdk: LabSdk }) {
  const conflicts = DIALECT_CONFLICTS.filter((c) => c.dialects.includes(sdk));
  if (conflicts.length === 0) return null;
  return (
    <details className="lab-sdk-conflicts" data-testid="lab-sdk-conflicts">
      <summary>Where Microsoft&apos;s pages disagree ({conflicts.length}), and what this simulator uses</summary>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id}>
            <code>{c.field}</code>: {c.values.map((v) => `${v.value} (${v.source})`).join(' versus ')}. The simulator uses <strong>{c.chosen}</strong>: {c.why}.
          </li>
        ))}
      </ul>
    </details>
  );
}
