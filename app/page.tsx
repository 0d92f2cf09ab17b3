import Link from 'next/link';
import { loadCourse } from './_content/chapters';
import { loadDrills } from './_content/assessments';

export default async function CourseMap() {
  const course = await loadCourse();
  loadDrills(); // validated at build time with the rest of the content
  return (
    <div className="home">
      <section className="hero">
        <h1>Batch Inference Lab</h1>
        <p>
          Learn how Azure Machine Learning runs batch inference, the way you would learn it on the job: read a short chapter, change the
          settings of a real ParallelRunStep job and watch what happens, then prove it with scored practice.
        </p>
      </section>
      <section aria-labelledby="course-heading">
        <h2 id="course-heading">Course map</h2>
        <ol className="course-map">
          {course.map(({ slug, frontmatter: fm, questionCount }) => (
            <li key={slug} className="course-card">
              <p className="course-card-number">Chapter {fm.number}</p>
              <h3>
                <Link href={`/chapters/${slug}`}>{fm.title}</Link>
              </h3>
              <p>{fm.summary}</p>
              <ul className="chapter-meta" aria-label="Chapter details">
                <li>Objective {fm.objective}</li>
                <li>{fm.level}</li>
                <li>{fm.readingMinutes} min read</li>
                {questionCount > 0 && <li>{questionCount} quiz questions</li>}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
