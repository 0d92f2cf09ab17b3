'use client';
// A guided experiment beside the compute controls (see app/_lab/try-this.ts).
import { tryThis } from '@/app/_lab/try-this';
import { useLab } from '@/app/_lab/use-lab';

export function TryThis() {
  const settings = useLab((s) => s.settings);
  return (
    <p className="lab-try-this" data-testid="lab-try-this">
      {tryThis(settings)}
    </p>
  );
}
