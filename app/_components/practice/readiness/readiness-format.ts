import type { EvidenceKind, EvidencePart, SectionReadiness } from '@/app/_quiz/readiness';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function readinessText(r: SectionReadiness): string {
  return r.tried ? pct(r.readiness) : `${pct(r.readiness)} (not started)`;
}

/** One evidence part in words, for the table and the tooltip. */
export function partText(part: EvidencePart | null, kind: EvidenceKind): string {
  if (!part) return 'none in this section';
  const noun = { quiz: 'question', cards: 'card', drills: 'drill' }[kind];
  const items = `${part.items} ${noun}${part.items === 1 ? '' : 's'}`;
  if (part.tried === 0) return `0% (${items}, none tried yet)`;
  if (kind === 'cards') return `${pct(part.score)} (recall estimate; ${part.tried} of ${items} reviewed)`;
  return `${pct(part.score)} (${Math.round(part.score * part.items)} of ${items} right)`;
}
