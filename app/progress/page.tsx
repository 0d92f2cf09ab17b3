import type { Metadata } from 'next';
import { loadCourse } from '@/app/_content/chapters';
import { ExportButton } from '@/app/_components/practice/progress/ExportButton';
import { ImportDialog } from '@/app/_components/practice/progress/ImportDialog';
import { ProgressOverview } from '@/app/_components/practice/progress/ProgressOverview';
import { ResetProgress } from '@/app/_components/practice/progress/ResetProgress';
import { loadReadinessData } from '@/app/_components/practice/practice-data';
import { ReadinessView } from '@/app/_components/practice/readiness/ReadinessView';

export const metadata: Metadata = { title: 'Your progress' };

export default async function ProgressPage() {
  const [course, readiness] = await Promise.all([loadCourse(), loadReadinessData()]);
  const chapters = course.filter((c) => c.questionCount > 0).map((c) => ({ slug: c.slug, number: c.frontmatter.number, title: c.frontmatter.title }));
  return (
    <div className="practice-page">
      <h1>Your progress</h1>
      <p className="chapter-summary">
        Progress is saved in this browser only. Export it to a file to keep a copy or to move it to another device, and import that file there.
      </p>
      <ProgressOverview chapters={chapters} />
      <section aria-labelledby="readiness-heading">
        <h2 id="readiness-heading">Readiness by section</h2>
        <ReadinessView data={readiness} />
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export progress</h2>
        <ExportButton />
      </section>
      <ImportDialog />
      <ResetProgress />
    </div>
  );
}
