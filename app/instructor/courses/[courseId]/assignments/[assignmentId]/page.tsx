import { requireCourseInstructor } from "@/lib/auth/require";
import { getCourseAssignment } from "@/lib/assignments/get-course-assignment";
import { getRoster } from "@/lib/courses/get-roster";
import { currentLang } from "@/lib/i18n/current-lang";
import { listExtensions } from "@/lib/assignments/list-extensions";
import { AssignmentForm, ExtensionForm, PublishToggle } from "../../../../_components/assignment-form";
import { CourseNav } from "../../../../_components/course-nav";
import { formatDate } from "../../../../_components/format";
import { tr, trCount } from "../../../../_components/messages";
import { RegradeButton, RegradeProgress } from "../../../../_components/regrade";
import { ConfirmPostButton } from "../../../../_components/confirm-post-button";
import { countRegrade } from "@/lib/regrade/count-regrade";
import { orNotFound } from "../../../../_components/or-not-found";
import "../../../../_components/instructor.css";

export default async function AssignmentPage({ params, searchParams }: { params: Promise<{ courseId: string; assignmentId: string }>; searchParams: Promise<{ regrade?: string }> }) {
  const { courseId, assignmentId } = await params;
  const { regrade } = await searchParams;
  await requireCourseInstructor(courseId);
  const [assignment, roster, extensions, lang] = await Promise.all([orNotFound(getCourseAssignment(courseId, assignmentId)), getRoster(courseId), listExtensions(assignmentId), currentLang()]);
  const rerun = assignment.kind === "EXERCISE" ? await countRegrade(courseId, { scope: "assignment", assignmentId }) : 0;
  const students = roster.filter((r) => r.role === "STUDENT");
  return (
    <>
      <h1>{assignment.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="assignments" />
      <p>
        {assignment.kind === "EXERCISE" ? tr(lang, "exercise") : tr(lang, "quiz")}: <code>{assignment.exercise?.slug ?? assignment.quiz?.slug}</code> ·{" "}
        <strong data-testid="publish-state">{assignment.published ? tr(lang, "published") : tr(lang, "draft")}</strong>{" "}
        <PublishToggle lang={lang} courseId={courseId} assignmentId={assignmentId} published={assignment.published} />
      </p>
      {assignment.kind === "EXERCISE" && (
        <p>
          <RegradeButton courseId={courseId} scope={{ scope: "assignment", assignmentId }} label={`${tr(lang, "regradeAssignment")} (${rerun})`} confirm={trCount(lang, "regradeConfirm", rerun)} />
        </p>
      )}
      {regrade && <RegradeProgress key={regrade} lang={lang} courseId={courseId} batchId={regrade} />}
      <section className="card" aria-labelledby="edit-heading">
        <h2 id="edit-heading">{tr(lang, "edit")}</h2>
        <AssignmentForm
          lang={lang}
          courseId={courseId}
          assignmentId={assignmentId}
          exercises={[]}
          quizzes={[]}
          initial={{
            ...assignment,
            opensAt: assignment.opensAt.toISOString(),
            dueAt: assignment.dueAt.toISOString(),
            lateUntil: assignment.lateUntil?.toISOString() ?? null,
          }}
        />
      </section>
      <section className="card" aria-labelledby="ext-heading">
        <h2 id="ext-heading">{tr(lang, "extensions")}</h2>
        {extensions.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(lang, "student")}</th>
                <th scope="col">{tr(lang, "dueAt")}</th>
                <th scope="col">{tr(lang, "lateUntil")}</th>
                <th scope="col">{tr(lang, "revokeExtension")}</th>
              </tr>
            </thead>
            <tbody>
              {extensions.map((e) => (
                <tr key={e.id}>
                  <td>
                    {e.user.name} <span className="muted">{e.user.email}</span>
                  </td>
                  <td>{formatDate(e.dueAt)}</td>
                  <td>{e.lateUntil ? formatDate(e.lateUntil) : <span className="muted">{tr(lang, "extensionLateHelp")}</span>}</td>
                  <td>
                    <ConfirmPostButton
                      url={`/api/courses/${courseId}/assignments/${assignmentId}/extensions/revoke`}
                      body={{ userId: e.userId }}
                      label={tr(lang, "revokeExtension")}
                      confirm={tr(lang, "revokeExtensionConfirm")}
                      testId={`revoke-${e.userId}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ExtensionForm lang={lang} courseId={courseId} assignmentId={assignmentId} students={students} />
        <p className="muted">{tr(lang, "extensionLateHelp")}</p>
      </section>
    </>
  );
}
