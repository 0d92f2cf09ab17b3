export const GOOD_FRONTMATTER = `---
number: 95
title: "A test chapter"
objective: "2.4"
objectiveTitle: "Describe batch inference"
level: "Intermediate"
readingMinutes: 5
lastUpdated: 2026-11-24
lastVerified: 2026-12-01
summary: "A chapter used only by the tests."
---
`;

export function chapterWith(body: string, frontmatter = GOOD_FRONTMATTER): string {
  return `${frontmatter}\n${body}\n`;
}
