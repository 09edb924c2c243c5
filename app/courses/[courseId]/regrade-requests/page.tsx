import type { Metadata } from "next";
import Link from "next/link";
import { requireCourseMember } from "@/lib/auth/require";
import { currentLang } from "@/lib/i18n/current-lang";
import { listRegradeRequests } from "@/lib/regrade-requests/list-regrade-requests";
import { regradeStrings } from "@/app/_components/regrade-requests/strings";
import { LocalTime } from "../../local-time";
import "../course.css";

export const metadata: Metadata = { title: "Regrade requests" };

/** A student's own regrade requests in a course (staff are sent to the queue). */
export default async function MyRegradeRequestsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const [{ user, course, courseRole }, lang] = await Promise.all([requireCourseMember(courseId), currentLang()]);
  const s = regradeStrings(lang);
  const requests = courseRole === "STUDENT" ? await listRegradeRequests(user, courseId, "STUDENT") : [];
  return (
    <div className="course-page">
      <h1>
        {s.regradeRequests}: <Link href={`/courses/${courseId}`}>{course.title}</Link>
      </h1>
      {courseRole !== "STUDENT" ? (
        <p>
          <Link href={`/instructor/courses/${courseId}/regrade-requests`}>{s.regradeRequests}</Link>
        </p>
      ) : requests.length === 0 ? (
        <p className="muted">{s.none}</p>
      ) : (
        <ul data-testid="my-regrade-requests">
          {requests.map((r) => (
            <li key={r.id}>
              <Link href={`/courses/${courseId}/regrade-requests/${r.id}`}>
                {r.assignment.title} — {r.testTitle ?? r.testId ?? s.wholeSubmission}
              </Link>{" "}
              · {s.status[r.status]} · <LocalTime iso={r.createdAt} lang={lang} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
