import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCourseMember } from "@/lib/auth/require";
import { ApiError } from "@/lib/http/api-error";
import { currentLang } from "@/lib/i18n/current-lang";
import { getSubmissionForViewer } from "@/lib/submissions/get-submission-for-viewer";
import { regradeStrings } from "@/app/_components/regrade-requests/strings";
import { RegradeRequestForm } from "./regrade-request-form";
import "../../course.css";

export const metadata: Metadata = { title: "Request a regrade" };

/**
 * The request form for one of the student's own graded submissions (?submission=, and
 * ?test= for a single test). What it shows of hidden tests is what getSubmissionForViewer
 * releases (ADR 017); the API checks the window and limit when it is sent.
 */
export default async function NewRegradeRequestPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ submission?: string | string[]; test?: string | string[] }> }) {
  const { courseId } = await params;
  const query = await searchParams;
  const [{ user }, lang] = await Promise.all([requireCourseMember(courseId), currentLang()]);
  const s = regradeStrings(lang);
  const submissionId = typeof query.submission === "string" && query.submission.length <= 64 ? query.submission : null;
  if (!submissionId) notFound();
  const view = await getSubmissionForViewer(user, submissionId).catch((error: unknown) => {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  });
  // Only the owner asks, and only about this course's assignments.
  if (view.assignment?.courseId !== courseId || !view.own) notFound();
  const failed = view.tests.filter((t) => !t.passed).map((t) => ({ testId: t.testId, title: t.title, replay: t.replay, trace: t.trace }));
  const testId = typeof query.test === "string" && failed.some((t) => t.testId === query.test) ? query.test : null;
  return (
    <div className="course-page">
      <h1>
        {s.requestRegrade}: {view.assignment.title}
      </h1>
      <p>
        <Link href={`/courses/${courseId}/regrade-requests`}>{s.back}</Link>
      </p>
      <RegradeRequestForm lang={lang} courseId={courseId} submissionId={view.id} slug={view.exercise.slug} source={view.source} tests={failed} initialTestId={testId} />
    </div>
  );
}

