// CSS that keeps a locked chapter's content hidden from the very first paint.
// The server cannot know what the learner unlocked (it lives in localStorage), so
// every lockable page carries both its content and its "locked" notice, and these
// rules pick one from <html data-unlocked>, which /progress-init.js sets before paint.

export function lockRules(lockableSlugs: readonly string[]): string {
  return lockableSlugs
    .map((s) => `html:not([data-unlocked~="${s}"]) [data-lockable="${s}"],\nhtml[data-unlocked~="${s}"] [data-lock-notice="${s}"] {\n  display: none !important;\n}`)
    .join('\n');
}
