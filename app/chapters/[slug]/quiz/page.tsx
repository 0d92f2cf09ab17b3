import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QuizRunner } from '@/app/_components/practice/quiz/QuizRunner';
import { LockGate } from '@/app/_components/practice/chapter/LockGate';
import { loadPracticeChapter, slugsWith } from '@/app/_components/practice/practice-data';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await slugsWith('quiz')).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const chapter = await loadPracticeChapter((await params).slug);
  return { title: `Quiz: ${chapter.number}. ${chapter.title}` };
}

export default async function QuizPage({ params }: Props) {
  const chapter = await loadPracticeChapter((await params).slug);
  if (!chapter.quiz) notFound();
  const content = {
    slug: chapter.slug,
    number: chapter.number,
    title: chapter.title,
    passPercent: chapter.quiz.passPercent,
    questions: chapter.quiz.questions,
    next: chapter.next,
    sectionTitles: chapter.sectionTitles,
    cards: chapter.cards?.cards.map(({ id, section }) => ({ id, section })) ?? [],
  };
  return (
    <div className="practice-page">
      <p className="chapter-kicker">
        <Link href={`/chapters/${chapter.slug}`}>Chapter {chapter.number}</Link> · Quiz
      </p>
      <h1>{chapter.title}: quiz</h1>
      <LockGate chapter={chapter}>
        <QuizRunner content={content} />
      </LockGate>
    </div>
  );
}
