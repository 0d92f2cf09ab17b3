import { z } from 'zod';

/** True when "YYYY-MM-DD" names a day that exists (no 2026-02-30). */
function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const isoDay = z
  .union([
    z.date(),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .refine(isCalendarDay, 'must be a real calendar date'),
  ])
  // YAML turns an unquoted date into a Date object; normalise both forms to YYYY-MM-DD.
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));

export const frontmatterSchema = z
  .object({
    number: z.number().int().min(1, 'must be a whole chapter number from 1').max(999),
    title: z.string().min(3, 'must be at least 3 characters'),
    objective: z.string().regex(/^\d+\.\d+$/, 'must look like "2.4"'),
    objectiveTitle: z.string().min(3),
    level: z.enum(['Beginner', 'Intermediate', 'Advanced']),
    readingMinutes: z.number().int().min(1).max(240),
    lastUpdated: isoDay,
    /** The day the chapter's currency claims (SDK support dates, exam status) were last checked against their sources. */
    lastVerified: isoDay,
    summary: z.string().min(10, 'must be at least 10 characters'),
  })
  .strict();

export type Frontmatter = z.output<typeof frontmatterSchema>;
