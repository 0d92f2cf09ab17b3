'use client';
// A guided experiment beside the compute controls (see model/try-this.ts).
import { tryThis } from '@/app/_features/lab/model/try-this';
import { useLab } from '@/app/_features/lab/use-lab';

export function TryThis() {
  const settings = useLab((s) => s.settings);
  return (
    <p className="lab-try-this" data-testid="lab-try-this">
      {tryThis(settings)}
    </p>
  );
}
