import type { Metadata } from 'next';
import { listChapterSlugs, loadChapter, loadCourse } from '@/app/_content/chapters';
import { renderMdx } from '@/app/_components/mdx/render-mdx';
import { TableOfContents } from '@/app/_components/chapter/TableOfContents';
import { ReadingProgress } from '@/app/_components/chapter/ReadingProgress';
import { ChapterNav } from '@/app/_components/chapter/ChapterNav';
import { ChapterMeta } from '@/app/_components/chapter/ChapterMeta';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return listChapterSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { frontmatter } = await loadChapter((await params).slug);
  return { title: `${frontmatter.number}. ${frontmatter.title}`, description: frontmatter.summary };
}

export default async function ChapterPage({ params }: Props) {
  const { slug } = await params;
  const [chapter, course] = await Promise.all([loadChapter(slug), loadCourse()]);
  const index = course.findIndex((c) => c.slug === slug);
  const fm = chapter.frontmatter;
  return (
    <div className="chapter-layout">
      <ReadingProgress targetId="chapter-body" />
      <aside className="chapter-aside">
        <TableOfContents headings={chapter.headings} />
      </aside>
      <article className="chapter" id="chapter-body">
        <header className="chapter-header">
          <p className="chapter-kicker">AI-900 · Chapter {fm.number}</p>
          <h1>{fm.title}</h1>
          <p className="chapter-summary">{fm.summary}</p>
          <ChapterMeta fm={fm} />
        </header>
        <div className="prose">
          {renderMdx(chapter.code)}
        </div>
        <ChapterNav previous={course[index - 1]} next={course[index + 1]} />
      </article>
    </div>
  );
}
