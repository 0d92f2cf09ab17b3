import { isRecord, type Schema } from './check';
import {
  attemptSchema,
  bestScoreSchema,
  cardStateSchema,
  drillResultSchema,
  drillStatsSchema,
  emptyProgress,
  inProgressSchema,
  readingSchema,
  settingsSchema,
  slugSchema,
  type ProgressData,
} from './schema';

// Loaded progress is checked piece by piece: one bad attempt or one bad card
// should not cost the learner everything else they saved.

/** Marker the storage adapter hands over when the saved text is not usable at all. */
export const UNREADABLE = '__unreadable';

export interface Sanitized {
  data: ProgressData;
  /** Human-readable names of what was reset; empty when everything was kept. */
  problems: string[];
}

const chapterName = (key: string) => (slugSchema.safeParse(key).success ? `chapter ${key.slice(0, 3)}` : `an unknown chapter "${key.slice(0, 40)}"`);

/** Keeps the entries of a slug-keyed record whose key and value are both valid. */
function keepRecord<T>(raw: unknown, schema: Schema<T>, label: (key: string) => string, problems: string[]): Record<string, T> {
  const kept: Record<string, T> = {};
  for (const [key, value] of Object.entries(isRecord(raw) ? raw : {})) {
    const parsed = schema.safeParse(value);
    if (slugSchema.safeParse(key).success && parsed.success) kept[key] = parsed.data;
    else problems.push(label(key));
  }
  return kept;
}

function keepList<T>(raw: unknown, schema: Schema<T>, label: (index: number) => string, problems: string[]): T[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return [parsed.data];
    problems.push(label(i));
    return [];
  });
}

function keepAttempts(raw: unknown, problems: string[]): ProgressData['attempts'] {
  const kept: ProgressData['attempts'] = {};
  for (const [key, list] of Object.entries(isRecord(raw) ? raw : {})) {
    if (!slugSchema.safeParse(key).success || !Array.isArray(list)) {
      problems.push(`quiz attempts for ${chapterName(key)}`);
      continue;
    }
    kept[key] = keepList(list, attemptSchema, (i) => `quiz attempt ${i + 1} for ${chapterName(key)}`, problems);
  }
  return kept;
}

function keepCards(raw: unknown, problems: string[]): ProgressData['cards'] {
  const kept: ProgressData['cards'] = {};
  for (const [key, deck] of Object.entries(isRecord(raw) ? raw : {})) {
    if (!slugSchema.safeParse(key).success || !isRecord(deck)) {
      problems.push(`card schedule for ${chapterName(key)}`);
      continue;
    }
    kept[key] = {};
    for (const [cardId, schedule] of Object.entries(deck)) {
      const parsed = cardStateSchema.safeParse(schedule);
      if (parsed.success) kept[key][cardId] = parsed.data;
      else problems.push(`card "${cardId.slice(0, 40)}" for ${chapterName(key)}`);
    }
  }
  return kept;
}

function keepDrillResults(raw: unknown, problems: string[]): ProgressData['drillResults'] {
  const kept: ProgressData['drillResults'] = {};
  for (const [id, result] of Object.entries(isRecord(raw) ? raw : {})) {
    const parsed = drillResultSchema.safeParse(result);
    if (parsed.success && id.length > 0 && id.length <= 120) kept[id] = parsed.data;
    else problems.push(`drill result "${id.slice(0, 40)}"`);
  }
  return kept;
}

const FIELD_NAMES: Record<keyof ProgressData, string> = {
  attempts: 'quiz attempts',
  inProgress: 'unfinished quizzes',
  best: 'best scores',
  unlocked: 'unlocked chapters',
  cards: 'card schedule',
  drills: 'drill stats',
  drillResults: 'drill results',
  reading: 'reading positions',
  settings: 'settings',
};

/** A field whose container itself has the wrong type is reset as a whole. */
function wrongContainers(raw: Record<string, unknown>): string[] {
  const expectList = (k: keyof ProgressData) => k === 'unlocked';
  return (Object.keys(FIELD_NAMES) as (keyof ProgressData)[])
    .filter((k) => k in raw && (expectList(k) ? !Array.isArray(raw[k]) : !isRecord(raw[k])))
    .map((k) => FIELD_NAMES[k]);
}

/** Turns anything read back from storage into valid progress, and says what had to go. */
export function sanitizeProgress(raw: unknown): Sanitized {
  if (raw === undefined || raw === null) return { data: emptyProgress(), problems: [] };
  if (isRecord(raw) && typeof raw[UNREADABLE] === 'string') return { data: emptyProgress(), problems: [raw[UNREADABLE]] };
  if (!isRecord(raw)) return { data: emptyProgress(), problems: ['all saved progress (it was not in a format this app knows)'] };
  const problems = wrongContainers(raw);
  const drills = drillStatsSchema.safeParse(raw.drills);
  if (!drills.success && isRecord(raw.drills)) problems.push(FIELD_NAMES.drills);
  const settings = settingsSchema.safeParse(raw.settings);
  if (!settings.success && isRecord(raw.settings)) problems.push(FIELD_NAMES.settings);
  const data: ProgressData = {
    attempts: keepAttempts(raw.attempts, problems),
    inProgress: keepRecord(raw.inProgress, inProgressSchema, (k) => `the unfinished quiz for ${chapterName(k)}`, problems),
    best: keepRecord(raw.best, bestScoreSchema, (k) => `best score for ${chapterName(k)}`, problems),
    unlocked: [...new Set(keepList(raw.unlocked, slugSchema, (i) => `unlocked chapter entry ${i + 1}`, problems))],
    cards: keepCards(raw.cards, problems),
    drills: drills.success ? drills.data : emptyProgress().drills,
    drillResults: keepDrillResults(raw.drillResults, problems),
    reading: keepRecord(raw.reading, readingSchema, (k) => `reading position for ${chapterName(k)}`, problems),
    settings: settings.success ? settings.data : emptyProgress().settings,
  };
  return { data, problems };
}

export function describeProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, 6).join('; ');
  const more = problems.length > 6 ? ` and ${problems.length - 6} more` : '';
  return `Some saved progress could not be read and was reset: ${shown}${more}.`;
}
