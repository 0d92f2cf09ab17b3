// Server only: reads the content folder through the validating loaders.
import { loadChapter, loadCourse } from '@/app/_content/chapters';
import { loadCards, loadDrills, loadQuiz } from '@/app/_content/assessments';
import type { Card, CardDeck, DrillScenario, Question, Quiz } from '@/app/_content/assessment-schema';

export interface ChapterRef {
  slug: string;
  number: number;
  title: string;
}

export interface PracticeChapter extends ChapterRef {
  quiz: Quiz | null;
  cards: CardDeck | null;
  sectionTitles: Record<string, string>;
  previous: (ChapterRef & { passPercent: number }) | null;
  next: ChapterRef | null;
  /** Every chapter but the first of the course starts locked. */
  lockable: boolean;
}

const ref = (c: { slug: string; frontmatter: { number: number; title: string } }): ChapterRef => ({ slug: c.slug, number: c.frontmatter.number, title: c.frontmatter.title });

async function quizOf(slug: string): Promise<Quiz | null> {
  const chapter = await loadChapter(slug);
  return loadQuiz(slug, chapter.headings.map((h) => h.id));
}

/** Everything a chapter, quiz or cards page needs, as plain serialisable data. */
export async function loadPracticeChapter(slug: string): Promise<PracticeChapter> {
  const [chapter, course] = await Promise.all([loadChapter(slug), loadCourse()]);
  const index = course.findIndex((c) => c.slug === slug);
  const sections = chapter.headings.map((h) => h.id);
  const prev = course[index - 1];
  const nextChapter = course[index + 1];
  const prevQuiz = prev ? await quizOf(prev.slug) : null;
  return {
    ...ref(chapter),
    quiz: loadQuiz(slug, sections),
    cards: loadCards(slug, sections),
    sectionTitles: Object.fromEntries(chapter.headings.map((h) => [h.id, h.text])),
    previous: prev ? { ...ref(prev), passPercent: prevQuiz?.passPercent ?? 60 } : null,
    next: nextChapter ? ref(nextChapter) : null,
    lockable: index > 0,
  };
}

/** Slugs of chapters that have a quiz (or cards), for generateStaticParams. */
export async function slugsWith(kind: 'quiz' | 'cards'): Promise<string[]> {
  const course = await loadCourse();
  return course.filter((c) => (kind === 'quiz' ? c.questionCount : c.cardCount) > 0).map((c) => c.slug);
}

/** Everything /progress needs for readiness by section and "practise these" sessions. */
export interface ReadinessData {
  chapters: (ChapterRef & { alwaysOpen: boolean })[];
  sections: { slug: string; id: string; title: string; chapterNumber: number }[];
  questions: { slug: string; question: Question }[];
  cards: (Card & { slug: string })[];
  drills: DrillScenario[];
}

export async function loadReadinessData(): Promise<ReadinessData> {
  const course = await loadCourse();
  const chapters = await Promise.all(course.map((c) => loadPracticeChapter(c.slug)));
  return {
    chapters: chapters.map((c) => ({ slug: c.slug, number: c.number, title: c.title, alwaysOpen: !c.lockable })),
    sections: chapters.flatMap((c) => Object.entries(c.sectionTitles).map(([id, title]) => ({ slug: c.slug, id, title, chapterNumber: c.number }))),
    questions: chapters.flatMap((c) => (c.quiz?.questions ?? []).map((question) => ({ slug: c.slug, question }))),
    cards: chapters.flatMap((c) => (c.cards?.cards ?? []).map((card) => ({ ...card, slug: c.slug }))),
    drills: loadDrills().scenarios,
  };
}
