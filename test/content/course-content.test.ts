import { describe, expect, it } from 'vitest';
import { listChapterSlugs, loadChapter, loadCourse } from '@/app/_content/chapters';
import { loadCards, loadDrills, loadQuiz } from '@/app/_content/assessments';
import { MDX_COMPONENT_NAMES } from '@/app/_content/mdx-names';
import { mdxComponents } from '@/app/_components/mdx/registry';

// These run over the real content/ folder: the same checks the build makes.
describe('the course content', () => {
  it('has chapters 95 and 96 in order', () => {
    expect(listChapterSlugs()).toEqual(['095-azure-ml-pipelines-batch-inference', '096-real-time-inference-online-endpoints']);
  });

  it('compiles every chapter, with its quiz and cards valid', async () => {
    const course = await loadCourse();
    expect(course.map((c) => c.frontmatter.number)).toEqual([95, 96]);
    expect(course[0]?.questionCount).toBeGreaterThanOrEqual(24);
    expect(course[1]?.questionCount).toBeGreaterThanOrEqual(10);
  });

  it('registers exactly the components the pipeline allows', () => {
    expect(Object.keys(mdxComponents).sort()).toEqual([...MDX_COMPONENT_NAMES].sort());
  });

  it('covers every chapter-95 topic the seed chapter has', async () => {
    const { headings } = await loadChapter('095-azure-ml-pipelines-batch-inference');
    const ids = headings.map((h) => h.id);
    for (const id of ['the-assembly-line', 'why-use-a-pipeline', 'pipeline-building-blocks', 'how-a-batch-run-flows', 'monitoring-a-run', 'verifying-the-results',
      'related-azure-services', 'best-practices-and-pitfalls', 'walk-through-in-five-steps', 'on-the-job', 'when-it-is-misconfigured', 'common-wrong-answers',
      'numbers-and-terms', 'edge-cases', 'eliminating-wrong-answers', 'key-takeaways', 'watch-out', 'faq', 'glossary']) {
      expect(ids, id).toContain(id);
    }
  });

  it('quiz questions cover every H2 section of chapter 95 that teaches something', async () => {
    const slug = '095-azure-ml-pipelines-batch-inference';
    const { headings } = await loadChapter(slug);
    const quiz = loadQuiz(slug, headings.map((h) => h.id));
    const tested = new Set(quiz?.questions.map((q) => q.section));
    const h2 = headings.filter((h) => h.depth === 2).map((h) => h.id);
    const untested = h2.filter((id) => !tested.has(id) && !['key-takeaways', 'faq', 'glossary', 'how-the-exam-tests-this'].includes(id));
    expect(untested).toEqual([]);
    for (const type of ['single', 'multi', 'truefalse', 'order', 'scenario']) expect(quiz?.questions.some((q) => q.type === type), type).toBe(true);
    expect(loadCards(slug, headings.map((h) => h.id))?.cards.length).toBeGreaterThanOrEqual(10);
  });

  it('states what is current in chapter 95: a dated v2 section with its own quiz questions and cards', async () => {
    const slug = '095-azure-ml-pipelines-batch-inference';
    const { headings, frontmatter } = await loadChapter(slug);
    const ids = headings.map((h) => h.id);
    const current = ['azure-ml-in-2026-sdk-v2-and-batch-endpoints', 'what-changed-and-when', 'the-two-v2-routes', 'setting-by-setting-v1-to-v2', 'where-microsofts-pages-disagree'];
    for (const id of current) expect(ids, id).toContain(id);
    // The section sits before the exam material, after the chapter's teaching sections.
    expect(ids.indexOf(current[0]!)).toBeLessThan(ids.indexOf('how-the-exam-tests-this'));
    expect(frontmatter.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const quiz = loadQuiz(slug, ids);
    expect(quiz?.questions.filter((q) => current.includes(q.section)).length).toBeGreaterThanOrEqual(12);
    expect(loadCards(slug, ids)?.cards.filter((c) => current.includes(c.section)).length).toBeGreaterThanOrEqual(8);
  });

  it('every chapter carries a lastVerified date', async () => {
    for (const chapter of await loadCourse()) expect(chapter.frontmatter.lastVerified, chapter.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has at least 40 balanced batch-vs-real-time drills, each on a real chapter section', async () => {
    const { scenarios } = loadDrills();
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    const chapters = [...new Set(scenarios.map((s) => s.chapter))];
    const sections = Object.fromEntries(await Promise.all(chapters.map(async (slug) => [slug, (await loadChapter(slug)).headings.map((h) => h.id)] as const)));
    // Every drill practises a real section, so readiness by section can count it.
    expect(() => loadDrills(undefined, sections)).not.toThrow();
    const batch = scenarios.filter((s) => s.pattern === 'batch').length;
    expect(Math.abs(batch - (scenarios.length - batch))).toBeLessThanOrEqual(scenarios.length * 0.2);
  });
});
