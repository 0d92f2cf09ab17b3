import { EXAM_STATUS, formatDay } from '@/app/_content/exam-status';

/**
 * The exam's status as third parties report it, with the day it was last checked.
 * Used on the course map and in each chapter header. The link is an ordinary one:
 * nothing is fetched from Microsoft's site.
 */
export function ExamStatus({ verified }: { verified: string }) {
  const { exam, retiredOn, successor, credential, reportedBy, checkUrl } = EXAM_STATUS;
  return (
    <aside className="exam-status" aria-label="Exam status">
      <p className="exam-status-title">Exam status, as reported</p>
      <p>
        {exam} retired on <time dateTime={retiredOn}>{formatDay(retiredOn)}</time> and {successor} replaces it for the {credential} certification. That is
        what {reportedBy} report; it is not a Microsoft quotation, so confirm it on <a href={checkUrl}>Microsoft Learn&rsquo;s credentials page</a>. These
        chapters follow {exam} objective 2.4; compare them with the {successor} skills outline before you book.
      </p>
      <p className="exam-status-verified">
        Last verified <time dateTime={verified}>{formatDay(verified)}</time>
      </p>
    </aside>
  );
}
