import type { Frontmatter } from '@/app/_content/frontmatter-schema';

export function ChapterMeta({ fm }: { fm: Frontmatter }) {
  return (
    <ul className="chapter-meta" aria-label="Chapter details">
      <li>Objective {fm.objective}</li>
      <li>{fm.level}</li>
      <li>{fm.readingMinutes} min read</li>
      <li>
        Updated <time dateTime={fm.lastUpdated}>{fm.lastUpdated}</time>
      </li>
      <li>
        Verified <time dateTime={fm.lastVerified}>{fm.lastVerified}</time>
      </li>
    </ul>
  );
}
