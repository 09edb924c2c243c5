import Link from "next/link";
import { requireCourseInstructor } from "@/lib/auth/require";
import { getRoster } from "@/lib/courses/get-roster";
import { listCourseOutbox } from "@/lib/courses/list-course-outbox";
import { listPendingEnrollments } from "@/lib/courses/list-pending-enrollments";
import { currentLang } from "@/lib/i18n/current-lang";
import { t } from "@/lib/i18n/messages";
import { AddInstructorForm, CourseSettingsForm, RemoveMemberButton, RotateJoinCodeButton } from "../../_components/course-forms";
import { CourseNav } from "../../_components/course-nav";
import { CourseOutbox } from "../../_components/course-outbox";
import { ResendInvitationButton } from "../../_components/resend-invitation-button";
import { tr } from "../../_components/messages";
import { RosterImport } from "../../_components/roster-import";
import "../../_components/instructor.css";

export default async function InstructorCoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { course, user } = await requireCourseInstructor(courseId);
  const [roster, pending, outbox, lang] = await Promise.all([getRoster(courseId), listPendingEnrollments(courseId), listCourseOutbox(courseId), currentLang()]);
  return (
    <>
      <h1>{course.title}</h1>
      <CourseNav lang={lang} courseId={courseId} current="course" />
      <p>
        {t(lang, "joinCode")}: <code data-testid="join-code">{course.joinCode}</code> <RotateJoinCodeButton lang={lang} courseId={courseId} />
      </p>
      <h2>{t(lang, "roster")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, "name")}</th>
            <th scope="col">{t(lang, "email")}</th>
            <th scope="col">{t(lang, "studentId")}</th>
            <th scope="col">{t(lang, "role")}</th>
            <th scope="col">
              <span className="muted">{tr(lang, "action")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {roster.map((r) => (
            <tr key={r.id}>
              <td>{r.role === "STUDENT" ? <Link href={`/instructor/courses/${courseId}/grades/${r.id}`}>{r.name}</Link> : r.name}</td>
              <td>{r.email}</td>
              <td>{r.studentId ?? ""}</td>
              <td>{r.invited ? tr(lang, "invited") : r.role.toLowerCase()}</td>
              <td>
                {r.invited && <ResendInvitationButton lang={lang} courseId={courseId} email={r.email} />}
                {r.id !== user.id && <RemoveMemberButton lang={lang} courseId={courseId} userId={r.id} name={r.name} />}
              </td>
            </tr>
          ))}
          {pending.map((p) => (
            <tr key={p.id}>
              <td />
              <td>{p.email}</td>
              <td>{p.studentId ?? ""}</td>
              <td>{tr(lang, "invited")}</td>
              <td>
                <ResendInvitationButton lang={lang} courseId={courseId} email={p.email} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RosterImport lang={lang} courseId={courseId} />
      {outbox && <CourseOutbox lang={lang} messages={outbox} />}
      <div className="grid">
        <section className="card" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{tr(lang, "courseSettings")}</h2>
          <CourseSettingsForm lang={lang} courseId={courseId} initial={{ code: course.code, title: course.title, description: course.description }} />
        </section>
        <section className="card" aria-labelledby="co-heading">
          <h2 id="co-heading">{tr(lang, "coInstructors")}</h2>
          <AddInstructorForm lang={lang} courseId={courseId} />
        </section>
      </div>
    </>
  );
}
