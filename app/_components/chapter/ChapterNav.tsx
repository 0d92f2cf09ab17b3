import Link from 'next/link';
import type { ChapterSummary } from '@/app/_content/chapters';

type Neighbour = Pick<ChapterSummary, 'slug' | 'frontmatter'> | undefined;

export function ChapterNav({ previous, next }: { previous: Neighbour; next: Neighbour }) {
  return (
    <nav className="chapter-nav" aria-label="Chapters">
      {previous ? (
        <Link href={`/chapters/${previous.slug}`} rel="prev">
          <span className="chapter-nav-label">Previous</span> {previous.frontmatter.number}. {previous.frontmatter.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/chapters/${next.slug}`} rel="next" className="chapter-nav-next">
          <span className="chapter-nav-label">Next</span> {next.frontmatter.number}. {next.frontmatter.title}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
