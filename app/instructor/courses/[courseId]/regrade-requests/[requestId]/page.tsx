import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { currentLang } from "@/lib/i18n/current-lang";
import { getRegradeRequest } from "@/lib/regrade-requests/get-regrade-request";
import { RegradeThread } from "@/app/_components/regrade-requests/regrade-thread";
import { RegradeReplyForm } from "@/app/_components/regrade-requests/reply-form";
import { CourseNav } from "../../../../_components/course-nav";
import { tr } from "../../../../_components/messages";
import { orNotFound } from "../../../../_components/or-not-found";
import { RegradeDecisionForm } from "../../../../_components/regrade-decision-form";
import "../../../../_components/instructor.css";

/** One regrade request for the course's staff: the thread, the submission, a reply, and the decision while it is open. */
export default async function RegradeRequestPage({ params }: { params: Promise<{ courseId: string; requestId: string }> }) {
  const { courseId, requestId } = await params;
  const { user } = await requireCourseInstructor(courseId);
  const [request, lang] = await Promise.all([orNotFound(getRegradeRequest(user, courseId, "INSTRUCTOR", requestId)), currentLang()]);
  return (
    <>
      <h1>
        {tr(lang, "regradeRequests")}: {request.student.name}
      </h1>
      <CourseNav lang={lang} courseId={courseId} current="regrade-requests" />
      <p>
        <Link href={`/instructor/courses/${courseId}/submissions/${request.submission.id}`} data-testid="regrade-open-submission">
          {tr(lang, "openSubmission")}
        </Link>
        {request.regradeBatchId && (
          <>
            {" · "}
            <Link href={`/instructor/courses/${courseId}/submissions/${request.submission.id}?regrade=${request.regradeBatchId}`}>{tr(lang, "regradeSubmission")}</Link>
          </>
        )}
      </p>
      <RegradeThread request={request} lang={lang} />
      <RegradeReplyForm lang={lang} courseId={courseId} requestId={requestId} />
      {request.status === "OPEN" && <RegradeDecisionForm lang={lang} courseId={courseId} requestId={requestId} maxScore={request.submission.maxScore ?? 100} />}
    </>
  );
}
