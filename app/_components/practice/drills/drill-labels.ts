import type { DrillScenario } from '@/app/_content/assessment-schema';

export const SERVICE_LABELS: Record<DrillScenario['service'], string> = {
  'pipeline-parallel-run-step': 'Azure ML pipeline with a ParallelRunStep',
  'batch-endpoint': 'Azure ML batch endpoint',
  'managed-online-endpoint': 'Managed online endpoint',
  'kubernetes-online-endpoint': 'Kubernetes online endpoint',
};

export const PATTERN_LABELS: Record<DrillScenario['pattern'], string> = { batch: 'Batch', 'real-time': 'Real-time' };

export const SPRINT_SECONDS = 60;

/** `?seconds=N` picks another round length; the page shows the chosen length plainly. */
export function sprintSecondsFrom(search: string): number | null {
  const raw = new URLSearchParams(search).get('seconds');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 3 && n <= 600 ? n : null;
}
