import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileChapter } from '@/app/_content/compile-chapter';
import { ContentError } from '@/app/_content/content-error';
import { chapterWith, GOOD_FRONTMATTER } from './helpers';

const FILE = 'content/chapters/095-test/index.mdx';
const compile = (source: string, slugs = ['095-test', '096-next']) => compileChapter('095-test', source, FILE, slugs);

async function problemsOf(source: string): Promise<string> {
  const error = await compile(source).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ContentError);
  expect((error as ContentError).file).toBe(FILE);
  return (error as ContentError).message;
}

describe('compileChapter', () => {
  it('compiles a valid chapter with headings, ids and registered components', async () => {
    const source = chapterWith('## First part\n\nSee [below](#second-part).\n\n## Second part\n\n### A detail\n\n<Callout kind="tip" title="Hi">\n\nText\n\n</Callout>\n');
    const chapter = await compile(source);
    expect(chapter.frontmatter.lastUpdated).toBe('2026-11-24');
    expect(chapter.headings).toEqual([
      { id: 'first-part', text: 'First part', depth: 2 },
      { id: 'second-part', text: 'Second part', depth: 2 },
      { id: 'a-detail', text: 'A detail', depth: 3 },
    ]);
    expect(chapter.code).toContain('Callout');
  });

  it('highlights code at build time', async () => {
    const chapter = await compile(chapterWith('## Code\n\n```python\nx = 1\n```\n'));
    expect(chapter.code).toContain('shiki');
    expect(chapter.code).toContain('--shiki-dark');
  });

  it('rejects bad frontmatter naming the field and the value', async () => {
    const message = await problemsOf(chapterWith('## A', GOOD_FRONTMATTER.replace('readingMinutes: 5', 'readingMinutes: "five"')));
    expect(message).toMatch(/frontmatter\.readingMinutes/);
    expect(message).toContain('"five"');
  });

  it('rejects a missing frontmatter field', async () => {
    expect(await problemsOf(chapterWith('## A', GOOD_FRONTMATTER.replace(/level: .*\n/, '')))).toMatch(/frontmatter\.level/);
  });

  it('carries lastVerified through as YYYY-MM-DD', async () => {
    expect((await compile(chapterWith('## A'))).frontmatter.lastVerified).toBe('2026-12-01');
  });

  it('rejects a lastVerified day that does not exist, naming the file, the field and the value', async () => {
    const broken = readFileSync(join(import.meta.dirname, 'fixtures', 'chapter-bad-last-verified.mdx'), 'utf8');
    const message = await problemsOf(broken);
    expect(message).toMatch(/frontmatter\.lastVerified: must be a real calendar date/);
    expect(message).toContain('"2026-02-30"');
    expect(message).not.toMatch(/frontmatter\.lastUpdated/);
  });

  it('rejects a missing or loosely written lastVerified', async () => {
    expect(await problemsOf(chapterWith('## A', GOOD_FRONTMATTER.replace(/lastVerified: .*\n/, '')))).toMatch(/frontmatter\.lastVerified/);
    const loose = await problemsOf(chapterWith('## A', GOOD_FRONTMATTER.replace('lastVerified: 2026-12-01', 'lastVerified: "7 December 2026"')));
    expect(loose).toMatch(/frontmatter\.lastVerified: must be a date written YYYY-MM-DD/);
  });

  it('rejects a chapter number that does not match its folder', async () => {
    expect(await problemsOf(chapterWith('## A', GOOD_FRONTMATTER.replace('number: 95', 'number: 7')))).toMatch(/does not match the folder number 95/);
  });

  it('rejects an unknown component by name', async () => {
    expect(await problemsOf(chapterWith('## A\n\n<Bogus />\n'))).toMatch(/unknown component <Bogus>/);
  });

  it('rejects a broken anchor link', async () => {
    expect(await problemsOf(chapterWith('## A\n\n[x](#nowhere)\n'))).toMatch(/broken link "#nowhere"/);
  });

  it('rejects a link to a chapter that does not exist, and accepts one that does', async () => {
    expect(await problemsOf(chapterWith('## A\n\n[x](/chapters/999-missing)\n'))).toMatch(/no chapter "999-missing"/);
    await expect(compile(chapterWith('## A\n\n[x](/chapters/096-next#intro)\n'))).resolves.toBeTruthy();
  });

  it('rejects imports in a chapter', async () => {
    expect(await problemsOf(chapterWith("import X from './x'\n\n## A\n"))).toMatch(/imports and exports are not allowed|does not compile/);
  });

  it('reports MDX syntax errors with the file name', async () => {
    expect(await problemsOf(chapterWith('## A\n\n<Callout>\n'))).toMatch(/MDX does not compile/);
  });
});
