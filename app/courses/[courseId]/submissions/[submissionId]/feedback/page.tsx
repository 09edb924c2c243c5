import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCourseMember } from "@/lib/auth/require";
import { ApiError } from "@/lib/http/api-error";
import { currentLang } from "@/lib/i18n/current-lang";
import { getMyFeedback } from "@/lib/feedback/get-my-feedback";
import { CodeView } from "@/app/_components/code-view/code-view";
import { gradeStrings } from "../../../../grade-strings";
import { LocalTime } from "../../../../local-time";
import "../../../course.css";

export const metadata: Metadata = { title: "Feedback" };

/** A student's own submission with the staff's line comments and rubric items, once released (ADR 023). */
export default async function MyFeedbackPage({ params }: { params: Promise<{ courseId: string; submissionId: string }> }) {
  const { courseId, submissionId } = await params;
  const [{ user }, lang] = await Promise.all([requireCourseMember(courseId), currentLang()]);
  const s = gradeStrings(lang);
  const feedback = await getMyFeedback(user, courseId, submissionId).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  return (
    <div className="course-page">
      <h1>
        {s.feedback}: {feedback.assignment.title}
      </h1>
      <p>
        <Link href={`/courses/${courseId}/grades`}>{s.myGrades}</Link>
      </p>
      {!feedback.released ? (
        <p data-testid="feedback-held">
          {s.feedbackHeld} <LocalTime iso={feedback.releasesAt} lang={lang} />
        </p>
      ) : (
        <>
          {feedback.rubric.length > 0 && (
            <ul data-testid="feedback-rubric">
              {feedback.rubric.map((i) => (
                <li key={i.id}>
                  {i.title} ({i.points > 0 ? "+" : ""}
                  {i.points})
                </li>
              ))}
            </ul>
          )}
          <CodeView source={feedback.source} comments={feedback.comments} label={s.feedback} />
        </>
      )}
    </div>
  );
}
