import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CardDeckView } from '@/app/_components/practice/cards/CardDeckView';
import { LockGate } from '@/app/_components/practice/chapter/LockGate';
import { loadPracticeChapter, slugsWith } from '@/app/_components/practice/practice-data';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await slugsWith('cards')).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const chapter = await loadPracticeChapter((await params).slug);
  return { title: `Cards: ${chapter.number}. ${chapter.title}` };
}

export default async function CardsPage({ params }: Props) {
  const chapter = await loadPracticeChapter((await params).slug);
  if (!chapter.cards) notFound();
  return (
    <div className="practice-page">
      <p className="chapter-kicker">
        <Link href={`/chapters/${chapter.slug}`}>Chapter {chapter.number}</Link> · Knowledge cards
      </p>
      <h1>Do you actually know this?</h1>
      <LockGate chapter={chapter}>
        <CardDeckView slug={chapter.slug} cards={chapter.cards.cards} sectionTitles={chapter.sectionTitles} />
      </LockGate>
    </div>
  );
}
