import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cache } from 'react';
import { compileChapter, type CompiledChapter } from './compile-chapter';
import { ContentError } from './content-error';
import { loadCards, loadDrills, loadQuiz } from './assessments';

export const CONTENT_ROOT = join(process.cwd(), 'content');
const CHAPTERS_DIR = join(CONTENT_ROOT, 'chapters');
const SLUG = /^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** Chapter folders in course order; a badly named folder fails the build. */
export function listChapterSlugs(dir = CHAPTERS_DIR): string[] {
  const names = readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const bad = names.filter((n) => !SLUG.test(n));
  if (bad.length) throw new ContentError(rel(dir), bad.map((n) => `folder "${n}" must be named <NNN>-<slug>, e.g. 095-azure-ml-pipelines`));
  return names.sort();
}

function readChapterSource(slug: string, dir: string): { source: string; file: string } {
  const path = join(dir, slug, 'index.mdx');
  if (!existsSync(/* turbopackIgnore: true */ path)) throw new ContentError(rel(join(dir, slug)), ['index.mdx is missing']);
  return { source: readFileSync(/* turbopackIgnore: true */ path, 'utf8'), file: rel(path) };
}

/** Compiled once per build: metadata and page share the result. */
export const loadChapter = cache(async (slug: string): Promise<CompiledChapter> => {
  const slugs = listChapterSlugs();
  if (!slugs.includes(slug)) throw new ContentError(`content/chapters/${slug}`, ['no such chapter']);
  const { source, file } = readChapterSource(slug, CHAPTERS_DIR);
  return compileChapter(slug, source, file, slugs);
});

export interface ChapterSummary extends Pick<CompiledChapter, 'slug' | 'frontmatter'> {
  questionCount: number;
  cardCount: number;
}

/** Every chapter with its quiz and cards validated: used by the course map, so any bad file fails the build. */
export const loadCourse = cache(async (): Promise<ChapterSummary[]> => {
  const slugs = listChapterSlugs();
  const sectionsBySlug: Record<string, string[]> = {};
  const course = await Promise.all(
    slugs.map(async (slug) => {
      const chapter = await loadChapter(slug);
      const sections = chapter.headings.map((h) => h.id);
      sectionsBySlug[slug] = sections;
      const quiz = loadQuiz(slug, sections);
      const cards = loadCards(slug, sections);
      return { slug, frontmatter: chapter.frontmatter, questionCount: quiz?.questions.length ?? 0, cardCount: cards?.cards.length ?? 0 };
    }),
  );
  // The drills name chapter sections, so they are checked against the chapters' headings here.
  loadDrills(CONTENT_ROOT, sectionsBySlug);
  return course;
});

export function rel(path: string): string {
  return relative(process.cwd(), path) || path;
}
