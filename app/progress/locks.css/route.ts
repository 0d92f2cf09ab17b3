import { listChapterSlugs } from '@/app/_content/chapters';
import { lockRules } from '@/app/_progress/lock-rules';

// Generated at build time from the chapter folders, so a new chapter needs no CSS edit.
export const dynamic = 'force-static';

export function GET() {
  // The first chapter of the course is always open, so it never gets a rule.
  const [, ...lockable] = listChapterSlugs();
  return new Response(lockRules(lockable), { headers: { 'content-type': 'text/css; charset=utf-8' } });
}
