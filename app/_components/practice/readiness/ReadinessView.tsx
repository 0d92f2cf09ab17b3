'use client';

import Link from 'next/link';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { computeReadiness, READINESS_WEIGHTS, sectionKey, weakestSections, type SectionReadiness } from '@/app/_quiz/readiness';
import { buildPracticeSession, type PracticeItem } from '@/app/_quiz/practice-session';
import { useHydrated, useProgress } from '@/app/_progress/use-progress';
import { newSeed, nowIso } from '../clock';
import type { ReadinessData } from '../practice-data';
import { PracticeSession } from './PracticeSession';
import { partText, readinessText } from './readiness-format';

// recharts is only fetched once the page has hydrated and has something to draw.
const ReadinessChart = lazy(() => import('./ReadinessChart'));

const pct = (x: number) => Math.round(x * 100);
/** The figure, then its three parts. */
const FIGURE_COLUMNS = ['Readiness', 'Quiz', 'Cards', 'Drills'] as const;
const w = READINESS_WEIGHTS;

/** The one sentence that says what the figure is. */
export const READINESS_SENTENCE = `Each section's readiness is a weighted average of its quiz questions (${pct(w.quiz)}%: the share whose latest answer was right), its cards (${pct(w.cards)}%: FSRS's estimate that you still recall each one now) and its drills (${pct(w.drills)}%: the share whose latest answer was right), where anything not tried yet counts as 0 and a kind of item the section does not have is left out.`;

function ChartSkeleton({ rows }: { rows: number }) {
  return <div className="readiness-chart-skeleton" style={{ height: `${rows * 28 + 40}px` }} aria-hidden="true" />;
}

function ChapterReadiness({ title, rows, tableId }: { title: string; rows: SectionReadiness[]; tableId: string }) {
  return (
    <figure className="readiness-figure" aria-labelledby={`${tableId}-title`}>
      <figcaption id={`${tableId}-title`}>{title}</figcaption>
      <Suspense fallback={<ChartSkeleton rows={rows.length} />}>
        <ReadinessChart rows={rows} title={title} />
      </Suspense>
      <div className="visually-hidden">
        <table id={tableId}>
          <caption>Readiness by section: {title}</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              {FIGURE_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-section={sectionKey(r)}>
                <th scope="row">{r.title}</th>
                <td data-readiness={pct(r.readiness)}>{readinessText(r)}</td>
                <td>{partText(r.parts.quiz, 'quiz')}</td>
                <td>{partText(r.parts.cards, 'cards')}</td>
                <td>{partText(r.parts.drills, 'drills')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Readiness by chapter section, the three weakest, and a mixed session on them. */
export function ReadinessView({ data }: { data: ReadinessData }) {
  const hydrated = useHydrated();
  const attempts = useProgress((s) => s.attempts);
  const cards = useProgress((s) => s.cards);
  const drillResults = useProgress((s) => s.drillResults);
  const unlocked = useProgress((s) => s.unlocked);
  // The moment the figures are for; taken again after each session.
  const [now, setNow] = useState(nowIso);
  const [session, setSession] = useState<{ seed: number; items: PracticeItem[] } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const rows = useMemo(() => computeReadiness(data, { attempts, cards, drillResults }, now), [data, attempts, cards, drillResults, now]);
  const open = (slug: string) => unlocked.includes(slug) || !!data.chapters.find((c) => c.slug === slug)?.alwaysOpen;
  const weakest = weakestSections(rows, open);

  if (!hydrated) return <p>Loading your saved progress…</p>;
  if (session) {
    return (
      <PracticeSession
        data={data}
        items={session.items}
        seed={session.seed}
        onDone={() => {
          setSession(null);
          setNow(nowIso());
          requestAnimationFrame(() => heading.current?.focus());
        }}
      />
    );
  }

  const start = () => {
    const seed = newSeed();
    const at = nowIso();
    setSession({ seed, items: buildPracticeSession(weakest, data, { attempts, cards, drillResults }, { seed, now: at }) });
  };
  return (
    <div className="readiness">
      <p className="readiness-sentence">{READINESS_SENTENCE}</p>
      <section aria-labelledby="weakest-heading">
        <h3 id="weakest-heading" ref={heading} tabIndex={-1}>
          Your three weakest sections
        </h3>
        {weakest.length > 0 ? (
          <>
            <p className="field-hint">The lowest figures among the sections you have tried; sections not started yet fill the list until you have tried three.</p>
            <ol className="weakest-list" data-testid="weakest">
              {weakest.map((r) => (
                <li key={sectionKey(r)} data-section={sectionKey(r)}>
                  <Link href={`/chapters/${r.slug}#${r.id}`}>{r.title}</Link> (chapter {r.chapterNumber}): {readinessText(r)}
                </li>
              ))}
            </ol>
            <button type="button" className="button-primary" onClick={start}>
              Practise these {weakest.length} sections
            </button>{' '}
            <span className="field-hint">A short mixed session of their questions, cards and drills, weakest items first.</span>
          </>
        ) : (
          <p>Unlock a chapter to see its sections here.</p>
        )}
      </section>
      <div className="readiness-layout">
        {data.chapters.map((c) => {
          const chapterRows = rows.filter((r) => r.slug === c.slug);
          if (chapterRows.length === 0) return null;
          return <ChapterReadiness key={c.slug} title={`Chapter ${c.number}: ${c.title}`} rows={chapterRows} tableId={`readiness-${c.number}`} />;
        })}
      </div>
    </div>
  );
}
