import { bundleMDX } from 'mdx-bundler';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import rehypeShiki from '@shikijs/rehype';
import { MDX_COMPONENT_NAMES } from './mdx-names';
import { ContentError, describeZodError } from './content-error';
import { frontmatterSchema, type Frontmatter } from './frontmatter-schema';
import { createInspection, rehypeInspect, remarkInspect, type Heading, type Inspection } from './mdx-inspect';

export interface CompiledChapter {
  slug: string;
  frontmatter: Frontmatter;
  /** mdx-bundler output: evaluated on the server only. */
  code: string;
  headings: Heading[];
}

/** Routes outside /chapters that a chapter may link to. */
export const STATIC_ROUTES = ['/', '/lab', '/drills', '/progress'];

/**
 * Compiles one chapter and checks it: frontmatter schema, number matching the
 * folder, only registered components, and internal links that resolve.
 */
export async function compileChapter(slug: string, source: string, file: string, knownSlugs: readonly string[]): Promise<CompiledChapter> {
  const found = createInspection();
  const { code, frontmatter: raw } = await bundle(source, file, found);
  const frontmatter = parseFrontmatter(raw, file, slug);
  const problems = [...componentProblems(found), ...linkProblems(found, knownSlugs)];
  if (found.exports) problems.push('imports and exports are not allowed in a chapter: use the registered components');
  if (problems.length) throw new ContentError(file, problems);
  return { slug, frontmatter, code, headings: found.headings };
}

async function bundle(source: string, file: string, found: Inspection) {
  try {
    return await bundleMDX({
      source,
      mdxOptions(options) {
        // Inspect first, before mdx-bundler adds its own frontmatter export.
        options.remarkPlugins = [remarkInspect(found), remarkGfm, ...(options.remarkPlugins ?? [])];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeSlug,
          rehypeInspect(found),
          // Highlighting happens here, at build time: no highlighter reaches the browser.
          // High-contrast themes: plain github-light/-dark colour some tokens (comments, constants) below 4.5:1.
          [rehypeShiki, { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } }],
        ];
        return options;
      },
    });
  } catch (error) {
    throw new ContentError(file, [`MDX does not compile: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function parseFrontmatter(raw: unknown, file: string, slug: string): Frontmatter {
  const parsed = frontmatterSchema.safeParse(raw);
  if (!parsed.success) throw new ContentError(file, describeZodError(parsed.error, raw, (p) => `frontmatter.${p.map(String).join('.') || '(root)'}`));
  const folderNumber = Number(slug.slice(0, 3));
  if (parsed.data.number !== folderNumber) {
    throw new ContentError(file, [`frontmatter.number: ${parsed.data.number} does not match the folder number ${folderNumber}`]);
  }
  return parsed.data;
}

function componentProblems(found: Inspection): string[] {
  const known = new Set<string>(MDX_COMPONENT_NAMES);
  return [...found.components]
    .filter((name) => !known.has(name))
    .map((name) => `unknown component <${name}>: allowed are ${MDX_COMPONENT_NAMES.join(', ')}`);
}

function linkProblems(found: Inspection, knownSlugs: readonly string[]): string[] {
  return found.links.flatMap((url) => {
    if (url.startsWith('#')) return found.ids.has(url.slice(1)) ? [] : [`broken link "${url}": no heading with id "${url.slice(1)}" in this chapter`];
    if (!url.startsWith('/')) return [];
    const path = url.split('#')[0] ?? '';
    const chapter = /^\/chapters\/([^/]+)(\/(quiz|cards))?$/.exec(path);
    if (chapter) return knownSlugs.includes(chapter[1] ?? '') ? [] : [`broken link "${url}": no chapter "${chapter[1]}"`];
    return STATIC_ROUTES.includes(path) ? [] : [`broken link "${url}": not a route of this app (${STATIC_ROUTES.join(', ')}, /chapters/<slug>)`];
  });
}
