import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCourseMember } from "@/lib/auth/require";
import { ApiError } from "@/lib/http/api-error";
import { currentLang } from "@/lib/i18n/current-lang";
import { getRegradeRequest } from "@/lib/regrade-requests/get-regrade-request";
import { RegradeThread } from "@/app/_components/regrade-requests/regrade-thread";
import { RegradeReplyForm } from "@/app/_components/regrade-requests/reply-form";
import { regradeStrings } from "@/app/_components/regrade-requests/strings";
import "../../course.css";

export const metadata: Metadata = { title: "Regrade request" };

/** A student's regrade request: its thread and outcome, and a reply while it is open. Others' requests are not found. */
export default async function MyRegradeRequestPage({ params }: { params: Promise<{ courseId: string; requestId: string }> }) {
  const { courseId, requestId } = await params;
  const [{ user, courseRole }, lang] = await Promise.all([requireCourseMember(courseId), currentLang()]);
  const s = regradeStrings(lang);
  const request = await getRegradeRequest(user, courseId, courseRole, requestId).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  return (
    <div className="course-page">
      <h1>{s.regradeRequests}</h1>
      <p>
        <Link href={`/courses/${courseId}/regrade-requests`}>{s.back}</Link>
      </p>
      <RegradeThread request={request} lang={lang} />
      {request.status === "OPEN" ? <RegradeReplyForm lang={lang} courseId={courseId} requestId={requestId} /> : <p className="muted">{s.closed}</p>}
    </div>
  );
}
