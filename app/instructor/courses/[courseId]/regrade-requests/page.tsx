import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { currentLang } from "@/lib/i18n/current-lang";
import { listCourseAssignments } from "@/lib/assignments/list-course-assignments";
import { listRegradeRequests } from "@/lib/regrade-requests/list-regrade-requests";
import { regradeRequestStatus } from "@/lib/regrade-requests/regrade-request-kinds";
import { CourseNav } from "../../../_components/course-nav";
import { formatDate } from "../../../_components/format";
import { tr } from "../../../_components/messages";
import { statusLabel } from "../../../_components/regrade-request-status";
import "../../../_components/instructor.css";

/** The course's regrade requests, open ones first, filtered by assignment and status (GET form). */
export default async function RegradeQueuePage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ assignment?: string; status?: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCourseInstructor(courseId);
  const search = await searchParams;
  const status = regradeRequestStatus.safeParse(search.status);
  const assignmentId = typeof search.assignment === "string" && search.assignment.length <= 64 && search.assignment ? search.assignment : undefined;
  const [requests, assignments, lang] = await Promise.all([
    listRegradeRequests(user, courseId, "INSTRUCTOR", { assignmentId, status: status.success ? status.data : undefined }),
    listCourseAssignments(courseId),
    currentLang(),
  ]);
  const base = `/instructor/courses/${courseId}/regrade-requests`;
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="regrade-requests" />
      <h2>{tr(lang, "regradeRequests")}</h2>
      <form method="get" action={base} className="toolbar" role="search">
        <label>
          {tr(lang, "assignments")}
          <select name="assignment" defaultValue={assignmentId ?? ""}>
            <option value="">{tr(lang, "allAssignments")}</option>
            {assignments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr(lang, "status")}
          <select name="status" defaultValue={status.success ? status.data : ""}>
            <option value="">{tr(lang, "allStatuses")}</option>
            {regradeRequestStatus.options.map((s) => (
              <option key={s} value={s}>
                {statusLabel(lang, s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{tr(lang, "applyFilter")}</button>
      </form>
      {requests.length === 0 ? (
        <p className="muted">{tr(lang, "noRequests")}</p>
      ) : (
        <table data-testid="regrade-queue">
          <thead>
            <tr>
              <th scope="col">{tr(lang, "student")}</th>
              <th scope="col">{tr(lang, "assignments")}</th>
              <th scope="col">{tr(lang, "tests")}</th>
              <th scope="col">{tr(lang, "status")}</th>
              <th scope="col">{tr(lang, "requestedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`${base}/${r.id}`}>{r.student.name}</Link>
                </td>
                <td>{r.assignment.title}</td>
                <td>{r.testTitle ?? r.testId ?? tr(lang, "wholeSubmission")}</td>
                <td data-testid="regrade-status">{statusLabel(lang, r.status)}</td>
                <td>{formatDate(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
