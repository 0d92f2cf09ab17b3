'use client';

import { useEffect, useState } from 'react';
import { progressStore, useHydrated } from '@/app/_progress/use-progress';
import { nowIso } from '../clock';

/**
 * The chapter heading the reader most recently scrolled past, or null above the first one.
 * Only the chapter's own outline counts: embedded widgets may have headings of their own.
 */
function headingAboveLine(container: HTMLElement, outline: Record<string, string>): HTMLElement | null {
  const line = window.innerHeight * 0.2;
  let current: HTMLElement | null = null;
  for (const h of container.querySelectorAll<HTMLElement>('h2[id], h3[id]')) if (h.id in outline && h.getBoundingClientRect().top <= line) current = h;
  return current;
}

/**
 * Saves the last heading read (per chapter) and offers a link back to it.
 * Only real scrolling saves a position, so opening the page never overwrites it.
 */
export function ReadingPosition({ slug, containerId, headings }: { slug: string; containerId: string; headings: Record<string, string> }) {
  const hydrated = useHydrated();
  // Read once: the link points to where the learner was when the page opened.
  const [saved] = useState(() => progressStore.getState().reading[slug]?.heading ?? null);

  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    // Wait until scrolling has settled: a client-side navigation scrolls through
    // stale positions on its way to the top, and those are not where the reader is.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const heading = headingAboveLine(container, headings);
        if (heading) progressStore.getState().setReadingPosition(slug, heading.id, nowIso());
      }, 800);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [slug, containerId, headings]);

  if (!hydrated || !saved || !headings[saved]) return null;
  return (
    <p className="resume-reading">
      <a href={`#${saved}`}>Continue where you left off: {headings[saved]}</a>
    </p>
  );
}
