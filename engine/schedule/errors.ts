import type { ConfigProblem } from '../types';

/** Thrown for invalid schedule input; `problems` keeps every finding, not just the first. */
export class ScheduleValidationError extends Error {
  readonly problems: ConfigProblem[];

  constructor(subject: string, problems: ConfigProblem[]) {
    const lines = problems.map((p) => `- ${p.field}: ${p.message}`);
    super(`Invalid ${subject} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ScheduleValidationError';
    this.problems = problems;
  }
}

export function throwIfProblems(subject: string, problems: ConfigProblem[]): void {
  if (problems.length > 0) throw new ScheduleValidationError(subject, problems);
}
