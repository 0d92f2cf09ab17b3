import type { CardRating } from '@/app/_quiz/card-state';

export const RATING_LABELS: Record<CardRating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** What each rating means, in the words a learner would use to pick one. */
export const RATING_HINTS: Record<CardRating, string> = {
  again: 'I did not know it',
  hard: 'I knew it, with effort',
  good: 'I knew it',
  easy: 'I knew it at once',
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** The wait between two instants, rounded the way a review app shows it: "10 minutes", "3 days", "2 months". */
export function formatWait(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  if (minutes < 1) return 'now';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.round(minutes / 1440);
  if (days < 31) return plural(days, 'day');
  const months = Math.round(days / 30.4);
  if (months < 12) return plural(months, 'month');
  return plural(Math.round((days / 365) * 10) / 10, 'year');
}

/** Short form for the rating buttons: "1 min", "10 min", "3 d". */
export function formatWaitShort(fromIso: string, toIso: string): string {
  return formatWait(fromIso, toIso)
    .replace(/ minutes?$/, ' min')
    .replace(/ hours?$/, ' h')
    .replace(/ days?$/, ' d')
    .replace(/ months?$/, ' mo')
    .replace(/ years?$/, ' y');
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
