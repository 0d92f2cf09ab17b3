'use client';

import { useEffect, useState } from 'react';
import type { Heading } from '@/app/_content/mdx-inspect';

/** Scroll-spy: highlights the section whose heading was passed most recently. */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    const elements = headings.map((h) => document.getElementById(h.id)).filter((e): e is HTMLElement => e !== null);
    const observer = new IntersectionObserver(
      () => {
        // The active section is the last heading above the top fifth of the viewport.
        const line = window.innerHeight * 0.2;
        let current: string | null = elements[0]?.id ?? null;
        for (const el of elements) if (el.getBoundingClientRect().top <= line) current = el.id;
        setActive(current);
      },
      { rootMargin: '0px 0px -80% 0px', threshold: [0, 1] },
    );
    elements.forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [headings]);

  return (
    <nav className="toc" aria-label="On this page">
      <p className="toc-title">On this page</p>
      <ol>
        {headings.map((h) => (
          <li key={h.id} className={`toc-depth-${h.depth}`}>
            <a href={`#${h.id}`} aria-current={active === h.id ? 'location' : undefined}>
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
