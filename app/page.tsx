import { loadCourse } from './_content/chapters';
import { loadDrills } from './_content/assessments';
import { ChapterStatus } from './_components/practice/course/ChapterStatus';
import { ExamStatus } from './_components/chapter/ExamStatus';
import { oldestDay } from './_content/exam-status';
import { IntentLink } from './_components/layout/IntentLink';

export default async function CourseMap() {
  const course = await loadCourse();
  loadDrills(); // validated at build time with the rest of the content
  const verified = oldestDay(course.map((c) => c.frontmatter.lastVerified));
  return (
    <div className="home">
      <section className="hero">
        <h1>Batch Inference Lab</h1>
        <p>
          Learn how Azure Machine Learning runs batch inference, the way you would learn it on the job: read a short chapter, change the
          settings of a real ParallelRunStep job and watch what happens, then prove it with scored practice.
        </p>
        {verified && <ExamStatus verified={verified} />}
      </section>
      <section aria-labelledby="course-heading">
        <h2 id="course-heading">Course map</h2>
        <ol className="course-map">
          {course.map(({ slug, frontmatter: fm, questionCount, cardCount }, i) => (
            <li key={slug} className="course-card">
              <p className="course-card-number">Chapter {fm.number}</p>
              <h3>
                {/* On intent too: prefetching every chapter in view downloaded the chapter page's JavaScript with the map. */}
                <IntentLink href={`/chapters/${slug}`}>{fm.title}</IntentLink>
              </h3>
              <ChapterStatus slug={slug} alwaysOpen={i === 0} previousNumber={course[i - 1]?.frontmatter.number ?? null} />
              <p>{fm.summary}</p>
              <ul className="chapter-meta" aria-label="Chapter details">
                <li>Objective {fm.objective}</li>
                <li>{fm.level}</li>
                <li>{fm.readingMinutes} min read</li>
                <li>
                  Verified <time dateTime={fm.lastVerified}>{fm.lastVerified}</time>
                </li>
                {questionCount > 0 && <li>{questionCount} quiz questions</li>}
              </ul>
              {/* The practice pages' code (ts-fsrs among it) loads when the reader points at these links, not when the map is shown. */}
              <p className="course-card-links">
                {questionCount > 0 && (
                  <IntentLink href={`/chapters/${slug}/quiz`} aria-label={`Chapter ${fm.number} quiz`}>
                    Quiz
                  </IntentLink>
                )}
                {cardCount > 0 && (
                  <IntentLink href={`/chapters/${slug}/cards`} aria-label={`Chapter ${fm.number} knowledge cards`}>
                    Knowledge cards
                  </IntentLink>
                )}
              </p>
            </li>
          ))}
        </ol>
        <p>
          Each chapter unlocks the next when you score 60% or more on its quiz. Practise the batch-or-real-time decision in the <IntentLink href="/drills">drills</IntentLink>.
        </p>
      </section>
    </div>
  );
}
