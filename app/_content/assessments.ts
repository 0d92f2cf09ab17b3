import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ContentError, describeZodError } from './content-error';
import { cardsSchema, drillsSchema, quizSchema, type CardDeck, type Drills, type Quiz } from './assessment-schema';
import { resolveLabLink } from '@/app/_features/lab/model/link';
import { encodeLabState } from '@/app/_features/lab/model/url';
import type { LabLink } from '@/app/_features/lab/model/watch';

const ROOT = join(process.cwd(), 'content');

/** Reads and validates a JSON content file; errors name the file, the item id and the field. */
export function parseContentJson<S extends z.ZodType>(file: string, text: string, schema: S, listKey: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ContentError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ContentError(file, describeZodError(parsed.error, data, (path) => labelPath(data, listKey, path)));
}

/** ["questions", 3, "answer"] → 'question "q04-x" → answer'. */
function labelPath(data: unknown, listKey: string, path: PropertyKey[]): string {
  const [key, index, ...rest] = path;
  if (key !== listKey || typeof index !== 'number') return path.map(String).join('.') || '(root)';
  const list = (data as Record<string, unknown>)[listKey];
  const item = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined) : undefined;
  const name = typeof item?.id === 'string' ? `"${item.id}"` : `#${index + 1}`;
  const field = rest.length ? rest.map(String).join('.') : '(item)';
  return `${listKey.replace(/s$/, '')} ${name} → ${field}`;
}

function sectionProblems(items: { id: string; section: string }[], sections: readonly string[], kind: string): string[] {
  return items
    .filter((item) => !sections.includes(item.section))
    .map((item) => `${kind} "${item.id}" → section: "${item.section}" is not a heading id in the chapter`);
}

/**
 * Checks each lab link with the lab's own decoding and validation, and
 * replaces its state by the full lab query the lab will open (so the link
 * does not depend on today's defaults or a preset's settings).
 */
function resolveLabLinks(items: { id: string; lab?: LabLink | undefined }[], kind: string): string[] {
  return items.flatMap((item) => {
    if (!item.lab) return [];
    const { resolved, problems } = resolveLabLink(item.lab.state);
    item.lab.state = encodeLabState(resolved);
    return problems.map((p) => `${kind} "${item.id}" → lab.state.${p.field}: ${p.message}`);
  });
}

function loadChapterJson<S extends z.ZodType>(slug: string, name: string, schema: S, listKey: string, root: string) {
  const path = join(root, 'chapters', slug, name);
  if (!existsSync(/* turbopackIgnore: true */ path)) return null;
  const file = `content/chapters/${slug}/${name}`;
  return { file, data: parseContentJson(file, readFileSync(path, 'utf8'), schema, listKey) };
}

export function loadQuiz(slug: string, sections: readonly string[], root = ROOT): Quiz | null {
  const loaded = loadChapterJson(slug, 'quiz.json', quizSchema, 'questions', root);
  if (!loaded) return null;
  const problems = [...sectionProblems(loaded.data.questions, sections, 'question'), ...resolveLabLinks(loaded.data.questions, 'question')];
  if (problems.length) throw new ContentError(loaded.file, problems);
  return loaded.data;
}

export function loadCards(slug: string, sections: readonly string[], root = ROOT): CardDeck | null {
  const loaded = loadChapterJson(slug, 'cards.json', cardsSchema, 'cards', root);
  if (!loaded) return null;
  const problems = sectionProblems(loaded.data.cards, sections, 'card');
  if (problems.length) throw new ContentError(loaded.file, problems);
  return loaded.data;
}

/** Each scenario's chapter must exist and its section must be a heading id of that chapter. */
export function drillSectionProblems(drills: Drills, sectionsBySlug: Readonly<Record<string, readonly string[]>>): string[] {
  return drills.scenarios.flatMap((s) => {
    const sections = sectionsBySlug[s.chapter];
    if (!sections) return [`scenario "${s.id}" → chapter: "${s.chapter}" is not a chapter of the course`];
    return sections.includes(s.section) ? [] : [`scenario "${s.id}" → section: "${s.section}" is not a heading id in chapter ${s.chapter}`];
  });
}

/** With `sectionsBySlug` (chapter slug → heading ids), the scenarios' sections are checked too. */
export function loadDrills(root = ROOT, sectionsBySlug?: Readonly<Record<string, readonly string[]>>): Drills {
  const file = 'content/drills/batch-vs-realtime.json';
  const drills = parseContentJson(file, readFileSync(/* turbopackIgnore: true */ join(root, 'drills', 'batch-vs-realtime.json'), 'utf8'), drillsSchema, 'scenarios');
  const problems = [...(sectionsBySlug ? drillSectionProblems(drills, sectionsBySlug) : []), ...resolveLabLinks(drills.scenarios, 'scenario')];
  if (problems.length) throw new ContentError(file, problems);
  return drills;
}
