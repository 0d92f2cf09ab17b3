import type { Metadata } from 'next';
import { listChapterSlugs, loadChapter, loadCourse } from '@/app/_content/chapters';
import { renderMdx } from '@/app/_components/mdx/render-mdx';
import { TableOfContents } from '@/app/_components/chapter/TableOfContents';
import { ReadingProgress } from '@/app/_components/chapter/ReadingProgress';
import { ChapterNav } from '@/app/_components/chapter/ChapterNav';
import { ChapterMeta } from '@/app/_components/chapter/ChapterMeta';
import { ExamStatus } from '@/app/_components/chapter/ExamStatus';
import { LockGate } from '@/app/_components/practice/chapter/LockGate';
import { PracticeLinks } from '@/app/_components/practice/chapter/PracticeLinks';
import { ReadingPosition } from '@/app/_components/practice/chapter/ReadingPosition';
import { loadPracticeChapter } from '@/app/_components/practice/practice-data';

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
  const [chapter, course, practice] = await Promise.all([loadChapter(slug), loadCourse(), loadPracticeChapter(slug)]);
  const index = course.findIndex((c) => c.slug === slug);
  const fm = chapter.frontmatter;
  return (
    <div className="chapter-layout">
      <ReadingProgress targetId="chapter-body" />
      <aside className="chapter-aside" data-lockable={practice.lockable ? slug : undefined}>
        <TableOfContents headings={chapter.headings} />
      </aside>
      <article className="chapter" id="chapter-body">
        <header className="chapter-header">
          <p className="chapter-kicker">AI-900 · Chapter {fm.number}</p>
          <h1>{fm.title}</h1>
          <p className="chapter-summary">{fm.summary}</p>
          <ChapterMeta fm={fm} />
          <ExamStatus verified={fm.lastVerified} />
        </header>
        <LockGate chapter={practice}>
          <ReadingPosition slug={slug} containerId="chapter-body" headings={practice.sectionTitles} />
          <div className="prose">
            {renderMdx(chapter.code)}
          </div>
          <PracticeLinks chapter={practice} />
        </LockGate>
        <ChapterNav previous={course[index - 1]} next={course[index + 1]} />
      </article>
    </div>
  );
}
